/**
 * Bundles the reference voice app: reference/app/src/main.ts -> dist/app.js (ESM), and copies index.html and the
 * AudioWorklet module (capture-worklet.js) next to it, and embeds the in-page Performance Monitor the way any app
 * would: its classic-script bundle at dist/monitor/voice-soak-monitor.js (index.html loads it). Returns the absolute
 * dist directory. The embedded realtime server calls this at startup; it takes well under a second.
 * Every file is written atomically (temp + rename): several servers may build while pages are loading it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildMonitor } from '../../harness/monitor/build-monitor.ts';

const appDir = dirname(fileURLToPath(import.meta.url));

export interface BuildAppOptions {
  minify?: boolean;
}

async function writeAtomically(path: string, contents: string | Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temp, contents);
  await rename(temp, path);
}

export async function buildApp(opts: BuildAppOptions = {}): Promise<string> {
  const distDir = join(appDir, 'dist');
  // The npm package ships the app built and not its sources.
  if (!existsSync(join(appDir, 'src', 'main.ts'))) return distDir;
  await mkdir(join(distDir, 'monitor'), { recursive: true });
  const [bundle, monitor] = await Promise.all([
    build({
      entryPoints: [join(appDir, 'src', 'main.ts')],
      outfile: join(distDir, 'app.js'),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      sourcemap: true,
      minify: opts.minify ?? false,
      logLevel: 'silent',
      write: false,
    }),
    buildMonitor(),
  ]);
  const copies: [string, string][] = [
    [join(appDir, 'index.html'), join(distDir, 'index.html')],
    [join(appDir, 'src', 'capture-worklet.js'), join(distDir, 'capture-worklet.js')],
    [monitor.iifePath, join(distDir, 'monitor', 'voice-soak-monitor.js')],
  ];
  await Promise.all([
    ...bundle.outputFiles.map((file) => writeAtomically(file.path, file.contents)),
    ...copies.map(async ([from, to]) => writeAtomically(to, await readFile(from))),
  ]);
  return distDir;
}
