/**
 * Builds the in-page monitor into harness/monitor/dist/: voice-soak-monitor.mjs (ES module exporting
 * installMonitor) and voice-soak-monitor.js (classic script, auto-installs). Both minified, self-contained
 * (harness/analyze, the analyzer and the text renderer bundled in), with the metafile kept for size questions.
 * Run: npx tsx harness/monitor/build-monitor.ts
 */
import { build, type Metafile } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
export const MONITOR_DIST_DIR = join(here, 'dist');

export interface MonitorBuild {
  esmPath: string;
  iifePath: string;
  esmBytes: number;
  iifeBytes: number;
  gzipBytes: number;
  metafile: Metafile;
}

function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(join(here, '..', '..', 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

function writeAtomically(path: string, contents: string | Uint8Array): void {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, path);
}

/** The npm package ships the bundles built (dist/harness/monitor/dist) and no TypeScript sources to build them from. */
function prebuiltMonitor(esmPath: string, iifePath: string): MonitorBuild {
  const metafile = JSON.parse(readFileSync(join(MONITOR_DIST_DIR, 'meta-iife.json'), 'utf8')) as Metafile;
  const iifeBytes = statSync(iifePath).size;
  return { esmPath, iifePath, esmBytes: statSync(esmPath).size, iifeBytes, gzipBytes: gzipSync(readFileSync(iifePath), { level: 9 }).length, metafile };
}

export async function buildMonitor(): Promise<MonitorBuild> {
  if (!existsSync(join(here, 'entry-iife.ts')))
    return prebuiltMonitor(join(MONITOR_DIST_DIR, 'voice-soak-monitor.mjs'), join(MONITOR_DIST_DIR, 'voice-soak-monitor.js'));
  const common = {
    bundle: true,
    minify: true,
    target: ['chrome100', 'firefox100', 'safari15'],
    platform: 'browser' as const,
    define: { __VOICE_SOAK_VERSION__: JSON.stringify(toolVersion()) },
    legalComments: 'none' as const,
    metafile: true,
    logLevel: 'silent' as const,
    // Built in memory, then written atomically (temp file + rename): several processes (workers, the embedded
    // server) build at once while pages read the bundle, and a reader must never see a half-written file.
    write: false,
  };
  const esmPath = join(MONITOR_DIST_DIR, 'voice-soak-monitor.mjs');
  const iifePath = join(MONITOR_DIST_DIR, 'voice-soak-monitor.js');
  const [esm, iife] = await Promise.all([
    build({ ...common, entryPoints: [join(here, 'entry-esm.ts')], format: 'esm', outfile: esmPath }),
    build({ ...common, entryPoints: [join(here, 'entry-iife.ts')], format: 'iife', outfile: iifePath }),
  ]);
  mkdirSync(MONITOR_DIST_DIR, { recursive: true });
  for (const file of [...esm.outputFiles!, ...iife.outputFiles!]) writeAtomically(file.path, file.contents);
  writeAtomically(join(MONITOR_DIST_DIR, 'meta-iife.json'), JSON.stringify(iife.metafile!));
  return {
    esmPath,
    iifePath,
    esmBytes: statSync(esmPath).size,
    iifeBytes: statSync(iifePath).size,
    gzipBytes: gzipSync(readFileSync(iifePath), { level: 9 }).length,
    metafile: { inputs: { ...esm.metafile!.inputs, ...iife.metafile!.inputs }, outputs: { ...esm.metafile!.outputs, ...iife.metafile!.outputs } },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildMonitor().then(
    (result) => console.log(`monitor: ${result.iifePath} ${result.iifeBytes} B (gzip ${result.gzipBytes} B), ${result.esmPath} ${result.esmBytes} B`),
    (error: unknown) => {
      console.error(`build-monitor: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      process.exitCode = 1;
    },
  );
}
