/**
 * A run re-executed in the network namespace stops with its caller: SIGTERM to the outer process reaches the inner run
 * (which can then write its reports) and the outer exits with the inner's code; an outer process killed outright
 * (SIGKILL, nothing forwarded) still stops the inner one (setpriv's parent-death signal). Skipped where the machine
 * cannot make a namespace.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { checkNamespaceWorks, NETWORK_NAMESPACE_MARKER } from '../../../harness/setup/network-namespace.ts';

const MAIN = fileURLToPath(new URL('./namespace-rerun-main.ts', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'voice-soak-netns-signals-'));
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test.beforeEach(() => {
  try {
    checkNamespaceWorks(process.getuid?.() ?? -1);
  } catch (error) {
    test.skip(true, (error as Error).message);
  }
});

/** Starts the stand-in and resolves once the inner copy has printed its interfaces. */
async function startInNamespace(name: string) {
  const out = join(scratch, name);
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, [NETWORK_NAMESPACE_MARKER]: '', NAMESPACE_TEST_OUT: out },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const interfaces = await new Promise<string[]>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve((JSON.parse(text.split('\n')[0]!) as { interfaces: string[] }).interfaces);
    });
    setTimeout(() => reject(new Error(`no line from inside the namespace in 15 s: ${text}`)), 15_000);
  });
  return { child, out, exited, interfaces };
}

test('SIGTERM to the outer process stops the inner run, and the outer exits with its code', async () => {
  const run = await startInNamespace('sigterm');
  expect(run.interfaces).toEqual(['lo']);
  run.child.kill('SIGTERM');
  expect(await run.exited).toEqual({ code: 143, signal: null });
  expect(readFileSync(run.out, 'utf8')).toBe('SIGTERM');
});

test('an outer process killed outright still stops the inner run (parent-death signal)', async () => {
  const run = await startInNamespace('sigkill');
  run.child.kill('SIGKILL');
  expect((await run.exited).signal).toBe('SIGKILL');
  await expect.poll(() => existsSync(run.out) && readFileSync(run.out, 'utf8'), { timeout: 5_000 }).toBe('SIGTERM');
});
