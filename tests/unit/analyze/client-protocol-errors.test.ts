/**
 * Client misuse of the protocol is counted apart from server failures (issue 9, item 5): errors of type
 * invalid_request_error (or, in logs without the type, a documented misuse code) leave the `errors` check and are
 * judged per turn by client-protocol-errors (warn); server_error, such as the protocol-errors fault's injected_fault,
 * and session failures (a bad key, an expired session) still fail `errors`. Hand-built, schema-valid logs.
 */
import { expect, test } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import { isClientMisuse } from '../../../harness/analyze/client-misuse-codes.ts';
import type { LogRecord } from '../../../harness/log/log-schema.ts';
import type { Report } from '../../../harness/analyze/report/report-schema.ts';
import { PLAIN_DEFAULT_THRESHOLDS } from '../../../harness/thresholds/default-thresholds.ts';
import { completeSoakLog, TURNS } from './complete-soak-log.ts';

const assertion = (report: Report, id: string) => report.assertions.find((a) => a.id === id)!;
const protocolError = (tMs: number, code: string, errorType: string | undefined, message: string): LogRecord => ({
  type: 'rt',
  kind: 'protocol-error',
  tMs,
  code,
  ...(errorType ? { errorType } : {}),
  message,
});
const cancelNotActive = (tMs: number) =>
  protocolError(tMs, 'response_cancel_not_active', 'invalid_request_error', 'Cancellation failed: no active response found');

test('an app that cancels on every speech start: misuse errors warn under client-protocol-errors and leave errors at 0', () => {
  // Two per turn as the tap decodes them, and the app's own copy of each (monitor error, source server): counted once.
  const extra = Array.from({ length: TURNS * 2 }, (_, i) => 9_000 + i * 10_000).flatMap((tMs): LogRecord[] => [
    cancelNotActive(tMs),
    {
      type: 'monitor',
      kind: 'error',
      tMs: tMs + 1,
      source: 'server',
      message: 'Cancellation failed: no active response found',
      code: 'response_cancel_not_active',
    },
  ]);
  extra.push(protocolError(15_000, 'conversation_already_has_active_response', 'invalid_request_error', 'Conversation already has an active response'));
  const report = analyze(completeSoakLog({ extra }));
  expect(assertion(report, 'errors')).toMatchObject({ passed: true, actual: 0 });
  expect(report.metrics.totalErrors).toBe(0);
  const misuse = report.issues.find((i) => i.id === 'client-protocol-errors')!;
  expect(misuse).toMatchObject({
    level: 'warn',
    title: 'Client misused the realtime protocol',
    evidence: { clientProtocolErrors: 19, turns: TURNS, topCode: 'response_cancel_not_active' },
  });
  expect(misuse.message).toBe(
    `client-protocol-errors: 19 error(s) the server sent because the client misused the protocol (response_cancel_not_active x18, conversation_already_has_active_response x1), 2.11/turn > 0.25/turn over ${TURNS} turn(s); not server failures (first at 9.0 s: "Cancellation failed: no active response found")`,
  );
  expect(misuse.recommendation).toContain('active response');
  expect(report.verdict).toBe('warn');
  // The budget is a rate per turn, settable like every threshold.
  expect(assertion(analyze(completeSoakLog({ extra }), { maxClientProtocolErrorsPerTurn: 3 }), 'client-protocol-errors')).toMatchObject({
    passed: true,
    expected: 3,
  });
});

test('an occasional race (two cancels in nine turns) stays within the default budget per turn; a stricter budget warns', () => {
  const report = analyze(completeSoakLog({ extra: [cancelNotActive(50_000), cancelNotActive(130_000)] }));
  expect(assertion(report, 'client-protocol-errors')).toMatchObject({
    passed: true,
    level: 'warn',
    expected: PLAIN_DEFAULT_THRESHOLDS.maxClientProtocolErrorsPerTurn,
    actual: 2 / TURNS,
  });
  // The same two cancels against a budget under their rate are a warning.
  const strict = analyze(completeSoakLog({ extra: [cancelNotActive(50_000), cancelNotActive(130_000)] }), { maxClientProtocolErrorsPerTurn: 1 / TURNS });
  expect(assertion(strict, 'client-protocol-errors')).toMatchObject({ passed: false, level: 'warn', actual: 2 / TURNS });
  expect(strict.verdict).toBe('warn');
  expect(assertion(report, 'errors').passed).toBe(true);
  expect(report.verdict).toBe('pass');
  expect(assertion(analyze(completeSoakLog()), 'client-protocol-errors').message).toBe(
    `client-protocol-errors: no error the server sent because the client misused the protocol (0/turn <= 0.25/turn over ${TURNS} turn(s))`,
  );
});

test('the protocol-errors fault (server_error injected_fault) still fails errors and is not client misuse', () => {
  const report = analyze(
    completeSoakLog({ extra: [protocolError(30_000, 'injected_fault', 'server_error', 'voice-soak protocol-errors fault: injected server error on turn 2.')] }),
  );
  expect(assertion(report, 'errors')).toMatchObject({ passed: false, level: 'error', actual: 1 });
  expect(assertion(report, 'client-protocol-errors')).toMatchObject({ passed: true, actual: 0 });
  expect(report.verdict).toBe('fail');
});

test('logs without errorType fall back to the code list; session failures stay errors whatever their type', () => {
  const legacy = analyze(
    completeSoakLog({
      extra: [
        protocolError(30_000, 'conversation_already_has_active_response', undefined, 'busy'),
        protocolError(31_000, 'input_audio_buffer_commit_empty', undefined, 'empty'),
      ],
    }),
  );
  expect(assertion(legacy, 'errors').passed).toBe(true);
  expect(assertion(legacy, 'client-protocol-errors')).toMatchObject({ passed: true, actual: 2 / TURNS });
  const expired = analyze(
    completeSoakLog({ extra: [protocolError(30_000, 'session_expired', 'invalid_request_error', 'Your session hit the maximum duration of 30 minutes.')] }),
  );
  expect(assertion(expired, 'errors')).toMatchObject({ passed: false, actual: 1 });
  expect(assertion(expired, 'client-protocol-errors').passed).toBe(true);
});

test('isClientMisuse: a known type decides; without one, the documented codes', () => {
  expect(isClientMisuse({ errorType: 'invalid_request_error', code: 'some_new_code' })).toBe(true);
  expect(isClientMisuse({ errorType: 'server_error', code: 'invalid_value' })).toBe(false);
  expect(isClientMisuse({ code: 'unknown_parameter' })).toBe(true);
  expect(isClientMisuse({ code: 'injected_fault' })).toBe(false);
  expect(isClientMisuse({ errorType: 'invalid_request_error', code: 'invalid_api_key' })).toBe(false);
  expect(isClientMisuse({})).toBe(false);
});
