/**
 * Bundles the reference voice app: target/app/src/main.ts -> dist/app.js (ESM), and copies index.html and the
 * AudioWorklet module (capture-worklet.js) next to it. Returns the absolute dist directory. The embedded realtime
 * server calls this at startup; it takes well under a second.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const appDir = dirname(fileURLToPath(import.meta.url));

export interface BuildAppOptions {
  minify?: boolean;
}

export async function buildApp(opts: BuildAppOptions = {}): Promise<string> {
  const distDir = join(appDir, 'dist');
  await mkdir(distDir, { recursive: true });
  await build({
    entryPoints: [join(appDir, 'src', 'main.ts')],
    outfile: join(distDir, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    minify: opts.minify ?? false,
    logLevel: 'silent',
  });
  await Promise.all([
    copyFile(join(appDir, 'index.html'), join(distDir, 'index.html')),
    copyFile(join(appDir, 'src', 'capture-worklet.js'), join(distDir, 'capture-worklet.js')),
  ]);
  return distDir;
}
