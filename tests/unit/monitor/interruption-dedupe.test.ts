import { test, expect } from '@playwright/test';
import { createInterruptionDedupe } from '../../../harness/monitor/interruption-dedupe.ts';

test('the app reporting a safeguard interruption back is a duplicate; other interruptions are not', () => {
  const isDuplicate = createInterruptionDedupe(1_000);
  expect(isDuplicate({ tMs: 100, reason: 'response-timeout', responseId: 'r1' })).toBe(false);
  expect(isDuplicate({ tMs: 101, reason: 'response-timeout', responseId: 'r1' })).toBe(true);
  expect(isDuplicate({ tMs: 102, reason: 'response-timeout' })).toBe(true);
  expect(isDuplicate({ tMs: 103, reason: 'barge-in', responseId: 'r1' })).toBe(false);
  expect(isDuplicate({ tMs: 5_000, reason: 'barge-in', responseId: 'r2' })).toBe(false);
  expect(isDuplicate({ tMs: 5_100, reason: 'barge-in', responseId: 'r3' })).toBe(false);
  expect(isDuplicate({ tMs: 9_000, reason: 'barge-in', responseId: 'r3' })).toBe(false);
});
