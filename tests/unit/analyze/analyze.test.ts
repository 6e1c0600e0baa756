import { test, expect } from '@playwright/test';
import { analyze, createAnalyzer } from '../../../harness/analyze/analyze.ts';
import { judgeGrowth } from '../../../harness/analyze/judge/growth-check.ts';
import type { LogHeader, LogRecord } from '../../../harness/log/log-schema.ts';
import { reportSchema, type Report, type Trend } from '../../../harness/analyze/report/report-schema.ts';
import { PLAIN_DEFAULT_THRESHOLDS } from '../../../harness/thresholds/default-thresholds.ts';
import { generateLog, type GenerateLogOptions } from '../../../harness/synth/generate-log.ts';

const MIB = 1024 * 1024;
const header = (source: 'harness' | 'page' = 'harness'): LogHeader => ({
  type: 'header',
  schemaVersion: 1,
  tool: { name: 'voice-soak', version: 'test' },
  source,
  target: { url: 'http://127.0.0.1:1/', kind: 'embedded' },
  startedAt: '2025-01-01T00:00:00Z',
  sampleIntervalMs: 1000,
  thresholds: PLAIN_DEFAULT_THRESHOLDS,
  faults: [],
  meta: {},
});
const synth = (options: GenerateLogOptions) => {
  const [h, ...records] = [...generateLog(options)];
  return { header: h as LogHeader, records: records as LogRecord[] };
};
const ids = (report: Report) => report.issues.map((i) => i.id);
const assertion = (report: Report, id: string) => report.assertions.find((a) => a.id === id)!;

test('a full report validates against report-schema, streaming equals analyze, series stay small', () => {
  // 12 minutes: more CDP samples (720) than a series keeps, so the cap on points is exercised.
  const log = synth({ durationMs: 12 * 60_000, seed: 2, faults: { heapLeakMbPerMin: 2 } });
  const report = analyze(log);
  expect(reportSchema.parse(report)).toEqual(report);
  const streaming = createAnalyzer(log.header);
  for (const record of log.records) streaming.add(record);
  expect(streaming.finish([])).toEqual(report);
  // Series come from the data the log has: each once, none empty, and a log without WebSocket samples loses the socket's series only.
  const seriesIds = report.series.map((s) => s.id);
  expect(new Set(seriesIds).size).toBe(seriesIds.length);
  expect(report.series.filter((s) => s.points.length === 0).map((s) => s.id)).toEqual([]);
  const withoutWs = analyze({ header: log.header, records: log.records.filter((r) => r.type !== 'ws') });
  expect(withoutWs.series.map((s) => s.id)).toEqual(seriesIds.filter((id) => id !== 'ws-buffered-bytes'));
  expect(report.series.filter((s) => s.points.length > 600).map((s) => s.id)).toEqual([]);
  const heap = report.series.find((s) => s.id === 'heap-used')!;
  expect(heap.highlight!.length).toBe(log.records.filter((r) => r.type === 'cdp' && r.afterGc).length); // every post-GC sample, none dropped by the cap
  expect(heap.trend!.slopePerMin).toBeGreaterThan(1.7);
  expect(report.series.find((s) => s.id === 'ttfr-ms')!.xAxis).toBe('turn');
  const cdpRecords = log.records.filter((r) => r.type === 'cdp').length;
  expect(report.input.records.cdp).toBe(cdpRecords);
  expect(heap.points.length).toBeLessThan(cdpRecords);
  expect(report.metrics.messageLatencyTrendMs).toHaveLength(5);
  expect(report.metrics.audioLatencyTrendMs).toHaveLength(5);
  expect(report.assertions.every((a) => typeof a.message === 'string' && a.message.startsWith(`${a.id}: `))).toBe(true);
  expect(report.verdict).toBe('fail');
});

test('time to first response: from speech-stopped to first audio, by response id, only responses with audio', () => {
  const rt = (r: Record<string, unknown>) => ({ type: 'rt', ...r }) as LogRecord;
  const report = analyze({
    header: header(),
    records: [
      rt({ kind: 'speech-stopped', tMs: 1000 }),
      rt({ kind: 'committed', tMs: 1010 }),
      rt({ kind: 'response-created', tMs: 1050, responseId: 'a' }),
      rt({ kind: 'first-audio', tMs: 1800, responseId: 'a' }),
      rt({ kind: 'response-done', tMs: 4000, responseId: 'a', status: 'completed' }),
      rt({ kind: 'response-requested', tMs: 5000 }),
      rt({ kind: 'response-created', tMs: 5100, responseId: 'b' }),
      rt({ kind: 'response-done', tMs: 5200, responseId: 'b', status: 'cancelled' }),
      rt({ kind: 'speech-stopped', tMs: 8000 }),
      rt({ kind: 'response-created', tMs: 8100, responseId: 'c' }),
      rt({ kind: 'first-audio', tMs: 9200, responseId: 'c' }),
      rt({ kind: 'response-created', tMs: 20_000, responseId: 'd' }),
      { type: 'harness', kind: 'run-end', tMs: 40_000 },
    ],
  });
  expect(report.metrics.turns).toBe(2);
  expect(report.metrics.ttfrP50Ms).toBe(1000); // median of 800 and 1200
  expect(assertion(report, 'response-timeouts')).toMatchObject({ passed: false, actual: 1, level: 'error' });
  expect(report.metrics.interruptionCount).toBe(1); // no monitor records: cancelled responses
});

test('missing inputs are findings, never a pass; a page log uses monitor memory for the heap', () => {
  const empty = analyze({ header: header(), records: [{ type: 'harness', kind: 'run-end', tMs: 60_000 }] });
  expect(ids(empty)).toEqual(expect.arrayContaining(['no-data-cdp', 'no-data-ws', 'no-data-monitor', 'no-data-turns']));
  expect(empty.issues.find((i) => i.id === 'no-data-ws')!.message).toBe('no-data-ws: no WebSocket samples: was the tap installed?');
  // A harness soak that measured nothing fails on each missing input; the monitor only when the harness injected it.
  const levels = (report: Report) => Object.fromEntries(report.issues.filter((i) => i.id.startsWith('no-data')).map((i) => [i.id, i.level]));
  expect(levels(empty)).toEqual({ 'no-data-cdp': 'error', 'no-data-ws': 'error', 'no-data-monitor': 'warn', 'no-data-turns': 'error' });
  expect(empty.verdict).toBe('fail');
  const injected = analyze({ header: { ...header(), meta: { monitor: 'injected' } }, records: [{ type: 'harness', kind: 'run-end', tMs: 60_000 }] });
  expect(levels(injected)['no-data-monitor']).toBe('error');
  const emptyPage = analyze({ header: { ...header('page'), meta: { monitor: 'injected' } }, records: [{ type: 'harness', kind: 'run-end', tMs: 60_000 }] });
  expect(levels(emptyPage)).toEqual({
    'no-data-heap': 'warn',
    'no-data-dom': 'warn',
    'no-data-ws': 'warn',
    'no-data-monitor': 'warn',
    'no-data-turns': 'warn',
  });
  expect(emptyPage.verdict).toBe('warn');

  const page = synth({ durationMs: 7 * 60_000, seed: 4, source: 'page', faults: { heapLeakMbPerMin: 3 } });
  const report = analyze(page);
  expect(report.input.records.cdp).toBeUndefined();
  expect(ids(report)).toContain('heap-growth');
  expect(ids(report)).not.toContain('no-data-cdp');
  expect(report.issues.find((i) => i.id === 'no-data-dom')!.level).toBe('warn');
  const cleanPage = analyze(synth({ durationMs: 7 * 60_000, seed: 4, source: 'page' }));
  expect(ids(cleanPage)).toEqual(['no-data-dom']);
  expect(cleanPage.verdict).toBe('warn');
});

test('growth rule: slope over budget AND Mann-Kendall significant; error only when the CI is wholly over budget', () => {
  const trend = (slopePerMin: number, ciLowPerMin: number, pValue: number): Trend => ({
    slopePerMin,
    ciLowPerMin,
    ciHighPerMin: slopePerMin * 2,
    interceptAtFrom: 0,
    fromMs: 0,
    toMs: 1,
    points: 50,
    pValue,
    unit: 'MB/min',
  });
  expect(judgeGrowth(trend(3, 2, 0.001), 1, 0.95)).toBe('error');
  expect(judgeGrowth(trend(3, 0.5, 0.001), 1, 0.95)).toBe('warn');
  expect(judgeGrowth(trend(3, 2, 0.2), 1, 0.95)).toBeNull();
  expect(judgeGrowth(trend(0.9, 0.8, 0.0001), 1, 0.95)).toBeNull();
});

test('thresholds argument overrides the header; warm-up is clamped on short runs', () => {
  const log = synth({ durationMs: 2 * 60_000, seed: 9, faults: { errorRatePerTurn: 1 } });
  const strict = analyze(log);
  expect(strict.warmupMs).toBe(30_000);
  expect(strict.input.warnings.join('\n')).toContain('warm-up shortened from 60 s to 30 s');
  expect(assertion(strict, 'errors').passed).toBe(false);
  const lenient = analyze(log, { maxErrors: 100 });
  expect(assertion(lenient, 'errors').passed).toBe(true);
  expect(lenient.thresholds.maxErrors).toBe(100);
});

test('levels: end-of-run backlog over budget is an error; memory limit on post-GC lows; safeguards count', () => {
  const ws = (tMs: number, bufferedAmountBytes: number): LogRecord => ({
    type: 'ws',
    tMs,
    socketId: 's',
    url: 'ws://127.0.0.1/',
    readyState: 1,
    bufferedAmountBytes,
    framesSent: 0,
    framesReceived: 0,
    bytesSent: 0,
    bytesReceived: 0,
  });
  const cdp = (tMs: number, heapUsedBytes: number, afterGc: boolean): LogRecord => ({
    type: 'cdp',
    tMs,
    heapUsedBytes,
    heapTotalBytes: heapUsedBytes,
    domNodes: 100,
    eventListeners: 10,
    documents: 1,
    afterGc,
  });
  const records: LogRecord[] = [];
  for (let s = 0; s < 300; s++) {
    records.push(cdp(s * 1000, (s % 10 === 0 ? 600 : 640) * MIB, s % 10 === 0));
    records.push(ws(s * 1000 + 1, s > 200 ? 400_000 : 0));
  }
  records.push({ type: 'monitor', kind: 'safeguard', tMs: 5000, name: 'event-processing-timeout', message: 'handler took 6 s' });
  const report = analyze({ header: header(), records });
  expect(assertion(report, 'ws-backpressure')).toMatchObject({ passed: false, level: 'error', actual: 400_000 });
  expect(assertion(report, 'memory-limit')).toMatchObject({ passed: false, level: 'error', actual: 600 * MIB });
  expect(assertion(report, 'heap-growth').passed).toBe(true);
  expect(assertion(report, 'slow-event-processing')).toMatchObject({ passed: false, actual: 1 });
});

test('adaptive thresholds: TTFR budget = warm-up p95 x factor', () => {
  const log = synth({ durationMs: 7 * 60_000, seed: 21, faults: { ttfrGrowthMsPerTurn: 30 } });
  const fixed = analyze(log);
  expect(assertion(fixed, 'slow-first-response').passed).toBe(true);
  const adaptive = analyze(log, { adaptive: { enabled: true, factor: 1.5 } });
  const check = assertion(adaptive, 'slow-first-response');
  expect(check.passed).toBe(false);
  expect(Number(check.expected)).toBeLessThan(2000);
  expect(adaptive.thresholds.ttfrP95Ms).toBe(check.expected);
  expect(check.message).toContain('adaptive: 1.5 x');
  expect(assertion(adaptive, 'message-latency')).toBeTruthy();
});
