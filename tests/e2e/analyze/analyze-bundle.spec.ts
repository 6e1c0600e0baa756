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
  expect(gzBytes).toBeLessThan(24 * 1024); // 20 KB until the heap-site growth and Likely sources joined (issue 11)
});
