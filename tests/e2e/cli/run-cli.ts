/** Test helpers: run `node bin/voice-soak.mjs ...` and write synthetic logs (tests only). */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLog, type GenerateLogOptions } from '../../../harness/synth/generate-log.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/voice-soak.mjs', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A synthetic log as JSONL text (header line first, trailing newline). */
export function synthLogText(options: GenerateLogOptions): string {
  return `${[...generateLog(options)].map((entry) => JSON.stringify(entry)).join('\n')}\n`;
}

export async function writeSynthLog(path: string, options: GenerateLogOptions): Promise<string> {
  await writeFile(path, synthLogText(options));
  return path;
}

export const fixturePath = (relative: string) => `${ROOT}tests/fixtures-data/${relative}`;

/**
 * A private scratch directory for one test, removed afterwards. Not testInfo.outputPath: other engineers' runs on
 * this machine clear test-results/ when they start, which deleted files mid-test.
 */
export async function withScratchDir<T>(name: string, body: (path: (file: string) => string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), `voice-soak-${name.replace(/[^\w-]+/g, '-').slice(0, 40)}-`));
  try {
    return await body((file) => join(dir, file));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
