/**
 * analyze() must run in the page (the monitor's "Analyze Performance" button): its browser bundle has no zod and no
 * Node built-ins and stays small. An e2e test because it runs esbuild (a child process) over the whole analyze tree.
 */
import { test, expect } from '@playwright/test';
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

test('analyze() bundles for the page: no zod, no Node built-ins, well under 40 KB gzipped', async () => {
  const result = await build({
    entryPoints: [new URL('../../../harness/analyze/analyze.ts', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.filter((p) => p.includes('node_modules/zod'))).toEqual([]);
  expect(inputs.filter((p) => p.startsWith('node:'))).toEqual([]);
  const gzBytes = gzipSync(result.outputFiles[0]!.contents).length;
  // 20 KB until the heap-site growth and Likely sources joined (issue 11), 24 KB until the audio-edge (issue 13) and
  // WebRTC (issue 14) audits: measured 29.9 KB with them; the title's 40 KB is the page's limit.
  expect(gzBytes).toBeLessThan(32 * 1024);
});
