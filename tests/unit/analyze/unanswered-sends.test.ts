/**
 * ws-backpressure from the other side (harness/analyze/judge/unanswered-sends.ts via audits/ws-backpressure.ts): an open
 * socket that keeps sending after a turn started, with no message back for longer than the response timeout, fails
 * even while bufferedAmount stays at 0. Logs are built by hand and validated against the log schema.
 */
import { expect, test } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import { unansweredSends } from '../../../harness/analyze/judge/unanswered-sends.ts';
import { logHeaderSchema, type LogHeader, type LogRecord, type SoakLog } from '../../../harness/log/log-schema.ts';
import { expectValidRecords } from '../log/expect-valid-records.ts';
import type { Report } from '../../../harness/analyze/report/report-schema.ts';
import { PLAIN_DEFAULT_THRESHOLDS } from '../../../harness/thresholds/default-thresholds.ts';

const RUN_MS = 60_000;
const MIC_BYTES_PER_S = 64_000;
/** Defaults: responseTimeoutMs 10 000, maxWsBufferedBytes 256 KiB. */
const { responseTimeoutMs, maxWsBufferedBytes } = PLAIN_DEFAULT_THRESHOLDS;

const header: LogHeader = {
  type: 'header',
  schemaVersion: 1,
  tool: { name: 'voice-soak', version: 'test' },
  source: 'harness',
  target: { url: 'http://127.0.0.1:4173/', kind: 'embedded' },
  startedAt: '2026-01-01T00:00:00.000Z',
  sampleIntervalMs: 1_000,
  thresholds: PLAIN_DEFAULT_THRESHOLDS,
  faults: [],
  meta: {},
};

interface SocketPlan {
  socketId?: string;
  /** tMs of the samples at which a new message had arrived since the previous sample. */
  repliesAtMs: number[];
  bytesPerS?: number;
  /** readyState of the last sample (1 = open). */
  endState?: number;
  bufferedAt?: (tMs: number) => number;
}

/** One ws sample per second for the whole run. */
function wsSamples(plan: SocketPlan): LogRecord[] {
  const records: LogRecord[] = [];
  let framesReceived = 0;
  for (let tMs = 0; tMs <= RUN_MS; tMs += 1_000) {
    if (plan.repliesAtMs.includes(tMs)) framesReceived += 3;
    records.push({
      type: 'ws',
      tMs,
      socketId: plan.socketId ?? 'ws-1',
      url: 'ws://127.0.0.1:4174/v1/realtime',
      readyState: tMs === RUN_MS ? (plan.endState ?? 1) : 1,
      bufferedAmountBytes: plan.bufferedAt?.(tMs) ?? 0,
      framesSent: tMs / 20,
      framesReceived,
      bytesSent: (tMs / 1_000) * (plan.bytesPerS ?? MIC_BYTES_PER_S),
      bytesReceived: framesReceived * 4_000,
    });
  }
  return records;
}

/** A CDP sample per second and the harness's turn starts and run end: what every harness log carries. */
function frame(turnStartsMs: number[]): LogRecord[] {
  const records: LogRecord[] = [];
  for (let tMs = 0; tMs <= RUN_MS; tMs += 1_000) {
    records.push({ type: 'cdp', tMs, heapUsedBytes: 20e6, heapTotalBytes: 40e6, domNodes: 300, eventListeners: 40, documents: 1, afterGc: false });
  }
  for (const [i, tMs] of turnStartsMs.entries()) records.push({ type: 'harness', tMs, kind: 'turn-start', turn: i + 1 });
  records.push({ type: 'harness', tMs: RUN_MS, kind: 'run-end', detail: 'completed' });
  return records;
}

function buildLog(turnStartsMs: number[], ...sockets: SocketPlan[]): SoakLog {
  const records = [...frame(turnStartsMs), ...sockets.flatMap(wsSamples)].sort((a, b) => a.tMs - b.tMs);
  // The log is valid as written: every line passes the one log schema.
  expect(logHeaderSchema.parse(header)).toEqual(header);
  expectValidRecords(records);
  return { header, records };
}

const backpressureIssue = (report: Report) => report.issues.find((i) => i.id === 'ws-backpressure');
const backpressureAssertion = (report: Report) => report.assertions.filter((a) => a.id === 'ws-backpressure');
/** Replies (new frames) every second from `fromMs` through `toMs`. */
const repliesBetween = (fromMs: number, toMs: number) => Array.from({ length: (toMs - fromMs) / 1_000 + 1 }, (_, i) => fromMs + i * 1_000);

test('a socket still sending 40 s after its last reply, with a turn started in that silence, fails ws-backpressure as an error', () => {
  // Replies until 20 s, then the server stops answering; the user speaks at 25 s; the socket keeps streaming mic audio.
  const report = analyze(buildLog([5_000, 25_000], { repliesAtMs: repliesBetween(6_000, 20_000) }));
  const unansweredBytes = 40 * MIC_BYTES_PER_S; // bytesSent at 60 s minus bytesSent at the 20 s sample
  expect(backpressureIssue(report)).toMatchObject({
    id: 'ws-backpressure',
    level: 'error',
    title: 'WebSocket sends go unanswered',
    evidence: { unansweredBytes, silentMs: 40_000, budget: maxWsBufferedBytes },
    window: { fromMs: 20_000, toMs: 60_000 },
    message: `ws-backpressure: 2560000 bytes > 262144 bytes sent on ws-1 with no message back for 40.0 s at the end of the run, though the user spoke (the server is not reading, or not answering)`,
  });
  expect(backpressureAssertion(report)).toEqual([
    expect.objectContaining({ level: 'error', passed: false, actual: unansweredBytes, expected: maxWsBufferedBytes, operator: '<=' }),
  ]);
  expect(report.verdict).toBe('fail');
});

test('silence without a turn start in it does not count: the last turn started before the last reply', () => {
  const report = analyze(buildLog([5_000], { repliesAtMs: repliesBetween(6_000, 20_000) }));
  expect(backpressureIssue(report)).toBeUndefined();
  expect(backpressureAssertion(report)).toEqual([expect.objectContaining({ passed: true, actual: 0 })]);
});

test('a turn must start at least the response timeout before the end: exactly that counts, 1 ms later does not', () => {
  const socket = { repliesAtMs: repliesBetween(6_000, 20_000) };
  const lastCountedStartMs = RUN_MS - responseTimeoutMs; // whatever the default timeout, a start after the last reply
  expect(lastCountedStartMs).toBeGreaterThan(20_000);
  expect(backpressureIssue(analyze(buildLog([5_000, lastCountedStartMs], socket)))?.level).toBe('error');
  expect(backpressureIssue(analyze(buildLog([5_000, lastCountedStartMs + 1], socket)))).toBeUndefined();
});

test('unanswered sends under the byte budget, or on a socket closed by the end, do not trip it', () => {
  const slow = analyze(buildLog([25_000], { repliesAtMs: repliesBetween(6_000, 20_000), bytesPerS: 6_000 })); // 240 000 B < 262 144 B
  expect(backpressureIssue(slow)).toBeUndefined();
  const overByOneSecond = analyze(buildLog([25_000], { repliesAtMs: repliesBetween(6_000, 20_000), bytesPerS: 7_000 })); // 280 000 B
  expect(backpressureIssue(overByOneSecond)?.evidence.unansweredBytes).toBe(280_000);
  const closed = analyze(buildLog([25_000], { repliesAtMs: repliesBetween(6_000, 20_000), endState: 3 }));
  expect(backpressureIssue(closed)).toBeUndefined();
});

test('with several sockets the one with the most unanswered bytes is reported', () => {
  const report = analyze(
    buildLog(
      [25_000],
      { socketId: 'ws-quiet', repliesAtMs: repliesBetween(6_000, 10_000), bytesPerS: 8_000 }, // 50 s x 8 000 = 400 000 B
      { socketId: 'ws-mic', repliesAtMs: repliesBetween(6_000, 20_000) }, // 40 s x 64 000 = 2 560 000 B
    ),
  );
  expect(backpressureIssue(report)).toMatchObject({ level: 'error', evidence: { unansweredBytes: 2_560_000, silentMs: 40_000 } });
  expect(backpressureIssue(report)!.message).toContain(' sent on ws-mic ');
});

test('a clean conversation (every turn answered within seconds) has no ws-backpressure issue', () => {
  const turnsMs = [5_000, 20_000, 35_000, 50_000];
  const replies = turnsMs.flatMap((t) => repliesBetween(t + 2_000, t + 6_000)); // answers stream for 5 s after each turn
  const log = buildLog(turnsMs, { repliesAtMs: replies });
  const report = analyze(log);
  expect(backpressureIssue(report)).toBeUndefined();
  expect(backpressureAssertion(report)).toEqual([expect.objectContaining({ id: 'ws-backpressure', passed: true, level: 'error', actual: 0 })]);
  // The same conversation with the server going quiet after the second turn's answer does fail: the clean pass is not vacuous.
  const stalled = analyze(buildLog(turnsMs, { repliesAtMs: replies.filter((t) => t <= 26_000) }));
  expect(backpressureIssue(stalled)).toMatchObject({ level: 'error', evidence: { silentMs: 34_000, unansweredBytes: 34 * MIC_BYTES_PER_S } });
});

test('unansweredSends: the worst open socket, with silence counted from its last reply', () => {
  const replyState = (lastReceiveMs: number, bytesSentAtLastReceive: number, readyState = 1) => ({
    readyState,
    lastTMs: 60_000,
    bytesSent: 1_000_000,
    framesReceived: 9,
    lastReceiveMs,
    bytesSentAtLastReceive,
  });
  const wsReplies = new Map([
    ['a', replyState(20_000, 600_000)],
    ['b', replyState(30_000, 100_000)],
    ['c', replyState(0, 0, 3)],
  ]);
  expect(unansweredSends({ wsReplies, turnStartsMs: [40_000] }, 10_000)).toEqual({ socketId: 'b', bytes: 900_000, silentMs: 30_000, sinceMs: 30_000 });
  expect(unansweredSends({ wsReplies, turnStartsMs: [25_000] }, 10_000)).toEqual({ socketId: 'a', bytes: 400_000, silentMs: 40_000, sinceMs: 20_000 });
  expect(unansweredSends({ wsReplies, turnStartsMs: [10_000, 55_000] }, 10_000)).toBeNull();
});

test('unanswered sends are reported as an error even when a noisy send buffer only earns a warning', () => {
  // The same silent server, plus a send buffer noisy enough for a warn-level growth finding of its own.
  const noisyBuffer = (tMs: number) => Math.round(tMs * 0.12 + (((tMs / 1_000) * 7_919) % 13) * (10_000 / 13));
  const report = analyze(buildLog([5_000, 25_000], { repliesAtMs: repliesBetween(6_000, 20_000), bufferedAt: noisyBuffer }));
  expect(backpressureIssue(report)).toMatchObject({ level: 'error', title: 'WebSocket sends go unanswered' });
  expect(report.verdict).toBe('fail');
});
