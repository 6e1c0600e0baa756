import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startRealtimeServer } from '../../../reference/server/start-realtime-server.ts';
import { E2E_RUNS_DIR, readRunLog } from './read-run-log.ts';

test('a run killed half-way (SIGKILL) leaves a valid JSONL up to that point', async () => {
  test.setTimeout(60_000);
  const server = await startRealtimeServer({ port: 0, replyScale: 0.25 });
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'killable-run.ts')], {
    env: { ...process.env, SOAK_E2E_TARGET_URL: server.httpUrl, SOAK_E2E_OUTPUT_DIR: E2E_RUNS_DIR },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true, // its own process group, so the kill takes its Chromium too
  });
  let output = '';
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('log ')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${output}`)));
    });
    const logPath = /log (\S+)/.exec(output)![1]!;
    // Kill mid-conversation: once the first turn has ended and more is being written.
    await expect.poll(() => readFileSync(logPath, 'utf8').includes('"kind":"turn-end"'), { timeout: 40_000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 1_200));
  } finally {
    if (child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone: the assertions below say why
      }
    }
    await server.close();
  }
  const logPath = /log (\S+)/.exec(output)![1]!;
  expect(existsSync(logPath)).toBe(true);
  const { records } = readRunLog(logPath); // every line parses and validates, the last one is complete
  expect(records.filter((r) => r.type === 'cdp').length).toBeGreaterThanOrEqual(8);
  expect(records.some((r) => r.type === 'harness' && r.kind === 'turn-start')).toBe(true);
  expect(records.some((r) => r.type === 'harness' && r.kind === 'run-end')).toBe(false);
});
