/**
 * Findings about whether a run tested what it meant to (issue 9, items 5 and 6): page-dialogs (the page raised
 * alert/confirm/prompt), remote-requests (SOAK_LOOPBACK_ONLY blocked a non-loopback request) and faults-applied
 * (each injected fault has evidence it reached its side). All warn. Hand-built, schema-valid logs through analyze().
 */
import { expect, test } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import { faultName, faultsInSocketUrl } from '../../../harness/analyze/judge/fault-evidence.ts';
import type { LogRecord } from '../../../harness/log/log-schema.ts';
import type { Report } from '../../../harness/analyze/report/report-schema.ts';
import { completeSoakLog } from './complete-soak-log.ts';

const assertion = (report: Report, id: string) => report.assertions.find((a) => a.id === id);
const issue = (report: Report, id: string) => report.issues.find((i) => i.id === id);
const fault = (tMs: number, data: Record<string, string>): LogRecord => ({ type: 'harness', kind: 'fault', tMs, data });
const FAULTED_URL = 'ws://127.0.0.1:4173/v1/realtime?voice_soak_faults=ttfr-growth%3A400%2Cws-backpressure';

test('page-dialogs: the count and the first dialog, with what the harness did about it', () => {
  const dialog = (tMs: number, dialogType: string, message: string, action: string): LogRecord => ({
    type: 'harness',
    kind: 'dialog',
    tMs,
    data: { dialogType, message, action },
  });
  const report = analyze(
    completeSoakLog({ extra: [dialog(3_100, 'alert', 'Please enter an endpoint', 'accepted'), dialog(9_000, 'confirm', 'Reconnect?', 'dismissed')] }),
  );
  expect(issue(report, 'page-dialogs')).toMatchObject({
    level: 'warn',
    title: 'The page raised dialogs',
    window: { fromMs: 3_100, toMs: 3_100 },
    message: 'page-dialogs: the page raised 2 dialog(s); first at 3.1 s: alert "Please enter an endpoint" (accepted)',
  });
  expect(issue(report, 'page-dialogs')!.recommendation).toContain('dialog');
  expect(report.verdict).toBe('warn');
  expect(assertion(analyze(completeSoakLog()), 'page-dialogs')).toMatchObject({ passed: true, actual: 0, message: 'page-dialogs: the page raised no dialog' });
});

test('remote-requests: blocked non-loopback requests, the first one named', () => {
  const blocked = (tMs: number, channel: string, url: string): LogRecord => ({ type: 'harness', kind: 'blocked', tMs, data: { channel, url } });
  const report = analyze(
    completeSoakLog({
      extra: [blocked(800, 'ws', 'wss://api.openai.com/v1/realtime?model=gpt-realtime'), blocked(900, 'http', 'https://cdn.example.com/lib.js')],
    }),
  );
  expect(issue(report, 'remote-requests')).toMatchObject({
    level: 'warn',
    message:
      'remote-requests: 2 request(s) to non-loopback hosts were blocked by SOAK_LOOPBACK_ONLY; first: ws wss://api.openai.com/v1/realtime?model=gpt-realtime',
  });
  expect(assertion(analyze(completeSoakLog()), 'remote-requests')).toMatchObject({ passed: true, actual: 0 });
});

test('a page log cannot see dialogs, blocked requests or worker sockets: no assertion rather than an unmeasured pass', () => {
  const ids = analyze(completeSoakLog({ source: 'page', without: ['cdp'] })).assertions.map((a) => a.id);
  for (const id of ['page-dialogs', 'remote-requests', 'ws-in-worker']) expect(ids).not.toContain(id);
  expect(ids).toContain('faults-applied');
});

test('faults-applied: quiet when no fault was injected', () => {
  const report = analyze(completeSoakLog());
  expect(assertion(report, 'faults-applied')).toMatchObject({ passed: true, level: 'warn', actual: 0, message: 'faults-applied: no fault injected' });
  expect(issue(report, 'faults-applied')).toBeUndefined();
});

test('faults-applied: evidence from the embedded socket URL, a fault record or an app mark; a fault with none is named', () => {
  const faults = ['ttfr-growth:400', 'ws-backpressure', 'heap-leak:5', 'stall=3'];
  const extra: LogRecord[] = [
    fault(0, { fault: 'stall', status: 'applied', by: 'server' }),
    { type: 'monitor', kind: 'mark', tMs: 1_000, name: 'fault-applied', detail: 'heap-leak:5' },
  ];
  const applied = analyze(completeSoakLog({ faults, wsUrl: FAULTED_URL, extra }));
  expect(assertion(applied, 'faults-applied')).toMatchObject({
    passed: true,
    actual: 0,
    message:
      'faults-applied: 4 injected fault(s), each with evidence it reached its side (ttfr-growth:400: socket URL; ws-backpressure: socket URL; heap-leak:5: app mark; stall=3: fault record by server)',
  });
  const missing = analyze(completeSoakLog({ faults, wsUrl: FAULTED_URL, extra: extra.slice(0, 1) }));
  expect(issue(missing, 'faults-applied')).toMatchObject({
    level: 'warn',
    evidence: { faults: 4, withoutEvidence: 1, notApplied: 0 },
    message: 'faults-applied: 1 of 4 injected fault(s) without evidence they reached their side: heap-leak:5: no fault record, app mark or socket URL names it',
  });
  expect(missing.verdict).toBe('warn');
});

test('faults-applied: a not-applied record fails with its reason; URL evidence needs an embedded target the server did not refuse', () => {
  const refused = analyze(
    completeSoakLog({
      faults: ['ttfr-growth:400'],
      wsUrl: FAULTED_URL,
      extra: [fault(0, { fault: 'ttfr-growth:400', status: 'not-applied', reason: 'the target is external: server faults need the embedded server' })],
    }),
  );
  expect(issue(refused, 'faults-applied')!.message).toBe(
    'faults-applied: 1 of 1 injected fault(s) without evidence they reached their side: ttfr-growth:400 not applied: the target is external: server faults need the embedded server',
  );
  expect(issue(refused, 'faults-applied')!.evidence).toMatchObject({ notApplied: 1 });

  const external = analyze(completeSoakLog({ faults: ['ws-backpressure'], wsUrl: FAULTED_URL, targetKind: 'external' }));
  expect(issue(external, 'faults-applied')!.message).toContain('ws-backpressure: no fault record or app mark names it');

  const ignored = 'voice_soak_faults ignored: unknown fault "latency-grow"';
  const rejected = analyze(
    completeSoakLog({
      faults: ['ttfr-growth:400'],
      wsUrl: FAULTED_URL,
      extra: [{ type: 'rt', kind: 'protocol-error', tMs: 100, code: 'invalid_value', errorType: 'invalid_request_error', message: ignored }],
    }),
  );
  expect(issue(rejected, 'faults-applied')!.message).toContain(`ttfr-growth:400: the server ignored voice_soak_faults ("${ignored}")`);
});

test('fault names from specs and socket URLs', () => {
  expect(faultName('ttfr-growth:400')).toBe('ttfr-growth');
  expect(faultName('heap-leak=3')).toBe('heap-leak');
  expect(faultName(' ws-backpressure ')).toBe('ws-backpressure');
  expect(faultsInSocketUrl(FAULTED_URL)).toEqual(['ttfr-growth', 'ws-backpressure']);
  expect(faultsInSocketUrl('ws://h/v1/realtime?model=m&voice_soak_faults=stall:2,drop-connection=5#x')).toEqual(['stall', 'drop-connection']);
  expect(faultsInSocketUrl('ws://h/v1/realtime?model=m')).toEqual([]);
  expect(faultsInSocketUrl('ws://h/?voice_soak_faults=%E0%A4%A')).toEqual([]);
});
