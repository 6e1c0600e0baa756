/**
 * The build step of tests/third-party-clients/agents-realtime, as its app would have one: esbuild bundles
 * src/main.js (which imports @openai/agents-realtime) for the browser into dist/main.js, minified. Written to a temp
 * name and renamed, so two workers building at once never serve half a file.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { THIRD_PARTY_CLIENTS_DIR } from './third-party-site.ts';

const CLIENT_DIR = join(THIRD_PARTY_CLIENTS_DIR, 'agents-realtime');

export async function buildAgentsRealtimeClient(): Promise<void> {
  const out = join(CLIENT_DIR, 'dist', 'main.js');
  const tmp = `${out}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(CLIENT_DIR, 'src', 'main.js')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    target: 'es2022',
    outfile: tmp,
    logLevel: 'error',
  });
  renameSync(tmp, out);
}
