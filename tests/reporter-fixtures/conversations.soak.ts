/**
 * Five "soak tests" over synthetic logs (2 minutes of conversation each), ended by the soak fixture's own code:
 * clean and leaking heap (soak.finish(), then the spec judges), one that crashes after streaming its log and one
 * that times out (both analyzed on teardown), and one retried: it leaks on its first attempt and not on the retry.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expectSoakPassed } from '../../harness/playwright/attach-soak-results.ts';
import { test } from './synthetic-soak-fixture.ts';
import { writeSyntheticLog } from './write-synthetic-log.ts';

const DURATION_MS = 120_000;

function writeLog(logPath: string, options: Omit<Parameters<typeof writeSyntheticLog>[1], 'durationMs'>) {
  mkdirSync(dirname(logPath), { recursive: true });
  return writeSyntheticLog(logPath, { durationMs: DURATION_MS, ...options });
}

test('clean conversation', async ({ soak }) => {
  await writeLog(soak.logPath, { seed: 11 });
  expectSoakPassed(await soak.finish());
});

test('leaking conversation', async ({ soak }) => {
  await writeLog(soak.logPath, { seed: 11, faults: { heapLeakMbPerMin: 8 } });
  expectSoakPassed(await soak.finish());
});

test('crashed conversation', async ({ soak }) => {
  await writeLog(soak.logPath, { seed: 12, faults: { crashAtMs: 90_000 } });
  throw new Error('renderer crashed before the soak run could finish');
});

test('timed out conversation', async ({ soak }) => {
  test.setTimeout(3_000);
  await writeLog(soak.logPath, { seed: 13 });
  await new Promise(() => undefined); // a conversation that never returns
});

test.describe(() => {
  test.describe.configure({ retries: 1 });
  test('retried conversation', async ({ soak }, testInfo) => {
    await writeLog(soak.logPath, { seed: 11, ...(testInfo.retry === 0 ? { faults: { heapLeakMbPerMin: 8 } } : {}) });
    expectSoakPassed(await soak.finish());
  });
});
