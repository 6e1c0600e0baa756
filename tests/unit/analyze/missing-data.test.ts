/**
 * A soak that measured nothing fails (issue 9, item 4): in a harness log, no WebSocket sample, no answered turn, or
 * (when the harness injected the monitor) no monitor message is an error-level finding whose message names the likely
 * cause; the same gaps in a page log only warn. Hand-built, schema-valid logs through analyze().
 */
import { expect, test } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import type { LogRecord } from '../../../harness/log/log-schema.ts';
import type { Report } from '../../../harness/analyze/report/report-schema.ts';
import { completeSoakLog, TURNS } from './complete-soak-log.ts';

const failedErrors = (report: Report) => report.assertions.filter((a) => !a.passed && a.level === 'error').map((a) => a.id);
const issue = (report: Report, id: string) => report.issues.find((i) => i.id === id);
const note = (tMs: number, detail: string): LogRecord => ({ type: 'harness', kind: 'note', tMs, detail });
const injected = { monitor: 'injected' };

test('the complete hand-built log passes every error-level check (so each absence below is the only cause)', () => {
  const report = analyze(completeSoakLog({ meta: injected }));
  expect(failedErrors(report)).toEqual([]);
  expect(report.issues.filter((i) => i.id.startsWith('no-data'))).toEqual([]);
  expect(report.metrics.turns).toBe(TURNS);
});

test('a harness log without WebSocket samples fails on no-data-ws', () => {
  const report = analyze(completeSoakLog({ meta: injected, without: ['ws'] }));
  expect(report.verdict).toBe('fail');
  expect(failedErrors(report)).toEqual(['no-data-ws']);
  expect(issue(report, 'no-data-ws')).toMatchObject({ level: 'error', message: 'no-data-ws: no WebSocket samples: was the tap installed?' });
});

test('a harness log whose scripted turns got no reply audio fails on no-data-turns, with the count', () => {
  const report = analyze(completeSoakLog({ meta: injected, without: ['rt'] }));
  expect(report.verdict).toBe('fail');
  expect(failedErrors(report)).toEqual(['no-data-turns']);
  expect(issue(report, 'no-data-turns')!.message).toBe(`no-data-turns: ${TURNS} turn(s) scripted, none got reply audio: was the realtime server reachable?`);
});

test('no monitor records fail a harness log only when the harness injected the monitor', () => {
  const failing = analyze(completeSoakLog({ meta: injected, without: ['monitor'] }));
  expect(failing.verdict).toBe('fail');
  expect(failedErrors(failing)).toEqual(['no-data-monitor']);
  expect(issue(failing, 'no-data-monitor')!.message).toBe(
    'no-data-monitor: no message records though the monitor saw 1 WebSocket(s): did the server ever send a message?',
  );

  const unknown = analyze(completeSoakLog({ without: ['monitor'] }));
  expect(issue(unknown, 'no-data-monitor')!.level).toBe('warn');
  expect(unknown.verdict).toBe('warn');
  const off = analyze(completeSoakLog({ meta: { monitor: 'off' }, without: ['monitor'] }));
  expect(issue(off, 'no-data-monitor')).toMatchObject({
    level: 'warn',
    message: expect.stringContaining('ran without the in-page monitor (meta.monitor = off)'),
  });
  expect(off.verdict).toBe('warn');
});

test('the same absences in a page log (Download Logs) only warn', () => {
  for (const without of ['ws', 'rt', 'monitor'] as const) {
    const report = analyze(completeSoakLog({ source: 'page', meta: injected, without: ['cdp', without] }));
    const id = { ws: 'no-data-ws', rt: 'no-data-turns', monitor: 'no-data-monitor' }[without];
    expect(issue(report, id), `${without} missing`).toMatchObject({ level: 'warn' });
    expect(failedErrors(report), `${without} missing`).toEqual([]);
    expect(report.verdict).toBe('warn');
  }
});

test('no-data-turns and no-data-ws quote what the log knows: the close code, the redirect failure', () => {
  const upstream = 'redirect-ws upstream ws://127.0.0.1:9/v1/realtime error: connect ECONNREFUSED 127.0.0.1:9';
  const report = analyze(
    completeSoakLog({
      meta: injected,
      without: ['ws', 'rt'],
      extra: [
        note(1_000, 'redirect-ws wss://api.openai.com/v1/realtime?model=gpt-realtime -> ws://127.0.0.1:9/v1/realtime'),
        note(1_200, upstream),
        { type: 'monitor', kind: 'error', tMs: 1_300, source: 'websocket', message: 'connection closed (code 1006)', code: '1006' },
      ],
    }),
  );
  expect(failedErrors(report)).toEqual(expect.arrayContaining(['no-data-ws', 'no-data-turns']));
  expect(issue(report, 'no-data-turns')!.message).toBe(
    `no-data-turns: ${TURNS} turn(s) scripted, none got reply audio: was the realtime server reachable? (first ws close code 1006; harness: "${upstream}")`,
  );
  expect(issue(report, 'no-data-ws')!.message).toBe(
    `no-data-ws: no WebSocket samples: the WebSocket redirect failed upstream (harness: "${upstream}"): is the realtime server running?`,
  );
});

test('no-data-turns without a harness clue names the first error; without scripted turns it asks whether the conversation started', () => {
  const withError = analyze(
    completeSoakLog({
      meta: injected,
      without: ['rt'],
      extra: [
        { type: 'rt', kind: 'protocol-error', tMs: 2_000, code: 'invalid_api_key', errorType: 'invalid_request_error', message: 'Incorrect API key provided' },
      ],
    }),
  );
  expect(issue(withError, 'no-data-turns')!.message).toContain(
    'was the realtime server reachable? (first error: "protocol error invalid_api_key: Incorrect API key provided")',
  );
  const unanswered = completeSoakLog({ meta: injected, without: ['rt'] });
  const notStarted = analyze({ ...unanswered, records: unanswered.records.filter((r) => !(r.type === 'harness' && r.kind === 'turn-start')) });
  expect(issue(notStarted, 'no-data-turns')!.message).toBe(
    'no-data-turns: no turn produced reply audio and the harness started no turn: did the conversation start (start selector, microphone)?',
  );
});

test('a socket in a Web Worker: no-data-ws says so (still an error), ws-in-worker warns with the last CDP counts per socket', () => {
  const workerWs = (tMs: number, framesSent: number, framesReceived: number, closed = false): LogRecord => ({
    type: 'harness',
    kind: 'worker-ws',
    tMs,
    data: {
      url: 'wss://api.openai.com/v1/realtime?model=gpt-realtime',
      worker: 'blob:http://127.0.0.1:4173/worker-1',
      framesSent,
      framesReceived,
      bytesSent: framesSent * 100,
      bytesReceived: framesReceived * 50,
      closed,
    },
  });
  const report = analyze(
    completeSoakLog({ meta: injected, without: ['ws', 'rt', 'monitor'], extra: [workerWs(30_000, 40, 20), workerWs(170_000, 120, 80, true)] }),
  );
  expect(issue(report, 'no-data-ws')).toMatchObject({
    level: 'error',
    message:
      "no-data-ws: no WebSocket samples: the app's socket lives in a Web Worker (1 seen over CDP, first wss://api.openai.com/v1/realtime?model=gpt-realtime), where the monitor cannot wrap it, so backpressure cannot be judged",
  });
  expect(issue(report, 'no-data-turns')!.message).toContain(
    'the socket lives in a Web Worker, whose frames the monitor cannot decode (80 frames received over CDP)',
  );
  expect(issue(report, 'no-data-monitor')!.message).toContain('Web Worker');
  expect(issue(report, 'ws-in-worker')).toMatchObject({
    level: 'warn',
    message:
      'ws-in-worker: 1 WebSocket(s) live in a Web Worker (first wss://api.openai.com/v1/realtime?model=gpt-realtime in worker blob:http://127.0.0.1:4173/worker-1): the monitor cannot see their bufferedAmount or decode their frames; CDP frame counts 120 sent / 80 received, 1 closed',
    evidence: { sockets: 1, framesSent: 120, framesReceived: 80, bytesSent: 12_000, bytesReceived: 4_000, closed: 1 },
  });
  expect(analyze(completeSoakLog()).assertions.map((a) => a.id)).not.toContain('ws-in-worker');
});

test('a monitor that never answered is named as the cause of missing ws and monitor data', () => {
  const missing = 'in-page monitor not found (globalThis.voiceSoakMonitor): no ws/rt/monitor records yet';
  const report = analyze(completeSoakLog({ meta: injected, without: ['ws', 'rt', 'monitor'], extra: [note(5_000, missing)] }));
  expect(issue(report, 'no-data-ws')!.message).toBe(
    `no-data-ws: no WebSocket samples: the in-page monitor, which records them, never answered (harness: "${missing}")`,
  );
  expect(issue(report, 'no-data-monitor')!.message).toBe(`no-data-monitor: no message records: the in-page monitor never answered (harness: "${missing}")`);
});

test('ws-in-worker: a reconnect to the same URL from the same worker is a second socket (by socketId), totals added', () => {
  const workerWs = (tMs: number, socketId: string, framesSent: number, framesReceived: number, closed: boolean): LogRecord => ({
    type: 'harness',
    kind: 'worker-ws',
    tMs,
    data: {
      url: 'ws://127.0.0.1:4173/v1/realtime',
      worker: 'http://127.0.0.1:4173/socket-worker.js',
      socketId,
      framesSent,
      framesReceived,
      bytesSent: 0,
      bytesReceived: 0,
      closed,
    },
  });
  const report = analyze(
    completeSoakLog({ extra: [workerWs(10_000, 'w1', 10, 5, false), workerWs(60_000, 'w1', 50, 30, true), workerWs(120_000, 'w2', 20, 10, false)] }),
  );
  expect(issue(report, 'ws-in-worker')).toMatchObject({ evidence: { sockets: 2, framesSent: 70, framesReceived: 40, closed: 1 } });
});
