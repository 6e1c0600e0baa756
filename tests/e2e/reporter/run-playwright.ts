/**
 * Reusable helpers for reporter end-to-end tests: run a Playwright project in a subprocess with all its outputs
 * under one folder, read what the soak reporter and allure-playwright wrote, and serve a folder on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { soakSummarySchema, type SoakSummary } from '../../../harness/verdict/soak-summary-schema.ts';

export const FIXTURE_CONFIG = 'tests/reporter-fixtures/playwright.config.ts';
const CLI = resolve('node_modules/@playwright/test/cli.js');

export interface PlaywrightRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The folder holding this run's outputs. */
  out: string;
}

/** Environment that sends every output of a fixture run under `out` and keeps the caller's soak settings out. */
export function fixtureEnv(out: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', REPORTER_FIXTURE_OUT: out };
  for (const key of ['SOAK_BASELINE', 'GITHUB_STEP_SUMMARY', 'CI', 'PLAYWRIGHT_BLOB_OUTPUT_DIR', 'TEST_WORKER_INDEX', 'TEST_PARALLEL_INDEX']) delete env[key];
  return { ...env, SOAK_OUTPUT_DIR: join(out, 'soak-runs'), SOAK_HISTORY_FILE: join(out, 'soak-history.json'), ...extra };
}

/** `node .../cli.js <args>` with a timeout; resolves with exit code and output (never rejects on a failing run). */
export function runPlaywright(args: string[], env: NodeJS.ProcessEnv, out: string, timeoutMs = 50_000): Promise<PlaywrightRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code: code ?? (signal ? 128 : 1), stdout, stderr, out });
    });
  });
}

export function readSoakSummary(soakOutputDir: string): SoakSummary {
  return soakSummarySchema.parse(JSON.parse(readFileSync(join(soakOutputDir, 'soak-summary.json'), 'utf8')));
}

export interface AllureAttachment {
  name: string;
  type: string;
  source: string;
}
export interface AllureStep {
  name: string;
  attachments?: AllureAttachment[];
  steps?: AllureStep[];
}
export interface AllureResult extends AllureStep {
  status: string;
  attachments: AllureAttachment[];
  steps: AllureStep[];
}

/** Every attachment of an Allure result, at the top and in its steps (allure-playwright 3 files attachments as steps). */
export function allureAttachments(step: AllureStep): AllureAttachment[] {
  return [...(step.attachments ?? []), ...(step.steps ?? []).flatMap(allureAttachments)];
}

export function readAllureResults(dir: string): AllureResult[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as AllureResult);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serve a folder read-only on 127.0.0.1 (an ephemeral port). */
export async function serveFolder(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const base = resolve(root);
  const server: Server = createServer((req, res) => {
    const path = normalize(join(base, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    if (!file.startsWith(base) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((closed) => server.close(() => closed())) };
}
