/**
 * Three "soak tests" over synthetic logs (2 minutes of conversation each): clean, leaking heap, and one that
 * crashes after streaming its log (attaches only the log, like a test killed before finishSoakRun).
 */
import { test } from '@playwright/test';
import { attachSoakResults, expectSoakPassed } from '../../harness/playwright/attach-soak-results.ts';
import { finishSoakRun } from '../../harness/render/finish-soak-run.ts';
import { CONTENT_TYPES, SOAK_LOG } from '../../harness/render/soak-attachment-names.ts';
import { writeSyntheticLog } from './write-synthetic-log.ts';

const DURATION_MS = 120_000;

test('clean conversation', async ({}, testInfo) => {
  const logPath = testInfo.outputPath('voice-soak.jsonl');
  await writeSyntheticLog(logPath, { durationMs: DURATION_MS, seed: 11 });
  const result = await finishSoakRun(logPath);
  await attachSoakResults(testInfo, result);
  expectSoakPassed(result);
});

test('leaking conversation', async ({}, testInfo) => {
  const logPath = testInfo.outputPath('voice-soak.jsonl');
  await writeSyntheticLog(logPath, { durationMs: DURATION_MS, seed: 11, faults: { heapLeakMbPerMin: 8 } });
  const result = await finishSoakRun(logPath);
  await attachSoakResults(testInfo, result);
  expectSoakPassed(result);
});

test('crashed conversation', async ({}, testInfo) => {
  const logPath = testInfo.outputPath('voice-soak.jsonl');
  await writeSyntheticLog(logPath, { durationMs: DURATION_MS, seed: 12, faults: { crashAtMs: 90_000 } });
  await testInfo.attach(SOAK_LOG, { path: logPath, contentType: CONTENT_TYPES.jsonl });
  throw new Error('renderer crashed before the soak run could finish');
});
