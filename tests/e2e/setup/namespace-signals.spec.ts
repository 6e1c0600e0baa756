/**
 * A run re-executed in the network namespace stops with its caller: SIGTERM to the outer process reaches the inner run
 * (which can then write its reports) and the outer exits with the inner's code; an outer process killed outright
 * (SIGKILL, nothing forwarded) still stops the inner one (setpriv's parent-death signal). Skipped where the machine
 * cannot make a namespace.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { skipWithoutNamespace, startInNamespace } from './start-in-namespace.ts';

const scratch = mkdtempSync(join(tmpdir(), 'voice-soak-netns-signals-'));
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));
test.beforeEach(skipWithoutNamespace);

test('SIGTERM to the outer process stops the inner run, and the outer exits with its code', async () => {
  const out = join(scratch, 'sigterm');
  const run = await startInNamespace({ NAMESPACE_TEST_OUT: out });
  expect(run.line.interfaces).toEqual(['lo']);
  run.child.kill('SIGTERM');
  expect(await run.exited).toEqual({ code: 143, signal: null });
  expect(readFileSync(out, 'utf8')).toBe('SIGTERM');
});

test('an outer process killed outright still stops the inner run (parent-death signal)', async () => {
  const out = join(scratch, 'sigkill');
  const run = await startInNamespace({ NAMESPACE_TEST_OUT: out });
  run.child.kill('SIGKILL');
  expect((await run.exited).signal).toBe('SIGKILL');
  await expect.poll(() => existsSync(out) && readFileSync(out, 'utf8'), { timeout: 5_000 }).toBe('SIGTERM');
});
