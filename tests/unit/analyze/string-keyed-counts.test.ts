/** Counts keyed by strings from the log are Maps: reasons and codes named like Object.prototype members count right. */
import { expect, test } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import type { LogRecord } from '../../../harness/log/log-schema.ts';
import { completeSoakLog } from './complete-soak-log.ts';

const interruption = (tMs: number, reason: string): LogRecord => ({ type: 'monitor', kind: 'interruption', tMs, reason });
const misuse = (tMs: number, code: string): LogRecord => ({
  type: 'rt',
  kind: 'protocol-error',
  tMs,
  code,
  errorType: 'invalid_request_error',
  message: `bad ${code}`,
});

test('interruption reasons constructor, __proto__ and toString are counted, in the order first seen', () => {
  const extra = [
    interruption(5_000, 'constructor'),
    interruption(6_000, '__proto__'),
    interruption(7_000, 'constructor'),
    interruption(8_000, 'toString'),
    interruption(9_000, '__proto__'),
    interruption(9_500, '__proto__'),
  ];
  const report = analyze(completeSoakLog({ extra }));
  const health = report.assertions.find((a) => a.id === 'interruptions')!;
  expect(health.message).toContain('(6 in all; reasons: constructor 2, __proto__ 3, toString 1)');
  expect(health.actual).toBe(6);
});

test('protocol error codes named like Object.prototype members are counted and sorted by count', () => {
  const extra = [
    misuse(5_000, '__proto__'),
    misuse(6_000, 'constructor'),
    misuse(7_000, '__proto__'),
    misuse(8_000, 'hasOwnProperty'),
    misuse(9_000, '__proto__'),
  ];
  const report = analyze(completeSoakLog({ extra }));
  const issue = report.issues.find((i) => i.id === 'client-protocol-errors')!; // invalid_request_error: client misuse
  expect(issue.message).toContain('(__proto__ x3, constructor x1, hasOwnProperty x1)');
  expect(issue.evidence).toMatchObject({ clientProtocolErrors: 5, codes: 3, topCode: '__proto__' });
});
