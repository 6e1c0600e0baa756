/**
 * A realistic hand-built Report (7-minute soak with a slow heap leak) for renderer, compare and CLI tests.
 * Deterministic: values come from a seeded generator. `buildSampleReport({ heapLeakMbPerMin, ttfrShiftMs, seed })`.
 */
import { DEFAULT_THRESHOLDS } from '../../../harness/thresholds/thresholds-schema.ts';
import type { Report, Series } from '../../../harness/analyze/report/report-schema.ts';

export interface SampleReportOptions {
  seed?: number;
  heapLeakMbPerMin?: number;
  ttfrShiftMs?: number;
}

function lcg(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const MB = 1024 * 1024;

export function buildSampleReport(options: SampleReportOptions = {}): Report {
  const random = lcg(options.seed ?? 7);
  const leakMbPerMin = options.heapLeakMbPerMin ?? 3.4;
  const ttfrShiftMs = options.ttfrShiftMs ?? 0;
  const durationMs = 420_000;
  const heapPoints: [number, number][] = [];
  const postGc: [number, number][] = [];
  for (let tMs = 0; tMs <= durationMs; tMs += 1000) {
    const baseMb = 40 + (leakMbPerMin * tMs) / 60_000;
    heapPoints.push([tMs, baseMb + random() * 6]);
    if (tMs % 15_000 === 0) postGc.push([tMs, baseMb + random() * 0.3]);
  }
  const ttfrPoints: [number, number][] = Array.from({ length: 40 }, (_, turn) => [turn + 1, 620 + ttfrShiftMs + random() * 180]);
  const messagePoints: [number, number][] = Array.from({ length: 300 }, (_, i) => [i * 1400, 1.5 + random() * 2]);
  const heapSeries: Series = {
    id: 'heap-used',
    title: 'JS heap used',
    unit: 'MB',
    points: heapPoints,
    highlight: postGc,
    trend: {
      slopePerMin: leakMbPerMin,
      ciLowPerMin: leakMbPerMin - 0.3,
      ciHighPerMin: leakMbPerMin + 0.3,
      interceptAtFrom: 40 + leakMbPerMin,
      fromMs: 60_000,
      toMs: durationMs,
      points: postGc.length - 4,
      pValue: 0.0001,
      unit: 'MB/min',
    },
    budget: DEFAULT_THRESHOLDS.maxHeapBytes / MB / 8,
    xAxis: 'time',
  };
  const heapFails = leakMbPerMin > DEFAULT_THRESHOLDS.heapSlopeMbPerMin;
  return {
    schemaVersion: 1,
    startedAt: '2025-05-01T10:00:00.000Z',
    target: { url: 'http://127.0.0.1:8787/', kind: 'embedded', dialect: 'ga' },
    toolVersion: '0.1.0',
    faults: heapFails ? ['heap-leak'] : [],
    thresholds: DEFAULT_THRESHOLDS,
    warmupMs: 60_000,
    metrics: {
      avgProcessingMs: 2.43,
      maxProcessingMs: 18.7,
      audioLatencyTrendMs: [12.1, 13.4, 15],
      messageLatencyTrendMs: [1.9, 2.2, 2.3],
      audioChunksPending: 3,
      audioChunksPendingMax: 11,
      wsBufferedAmountBytes: 0,
      wsBufferedAmountMaxBytes: 4096,
      eventQueueSize: 0,
      eventQueueMax: 4,
      timeToFirstResponseMs: 701.25,
      interruptionCount: 2,
      totalErrors: 0,
      ttfrP50Ms: 701.25,
      ttfrP95Ms: 788.4,
      ttfrP99Ms: 799.1,
      turns: 40,
      heapSlopeMbPerMin: leakMbPerMin,
      heapPostGcStartBytes: Math.round(postGc[0]![1] * MB),
      heapPostGcEndBytes: Math.round(postGc[postGc.length - 1]![1] * MB),
      heapMaxBytes: Math.round(Math.max(...heapPoints.map((p) => p[1])) * MB),
      domNodeSlopePerMin: 4.2,
      listenerSlopePerMin: 0.5,
      ttfrSlopeMsPerMin: 3.1,
      messageLatencySlopeMsPerMin: 0.01,
      audioGapCount: 1,
      audioGapMaxMs: 310,
      sampleCount: heapPoints.length,
      maxSampleGapMs: 1040,
      durationMs,
    },
    series: [
      heapSeries,
      { id: 'ttfr-ms', title: 'Time to first response per turn', unit: 'ms', points: ttfrPoints, xAxis: 'turn', budget: 3000 },
      { id: 'message-handler-ms', title: 'Message handler time', unit: 'ms', points: messagePoints, xAxis: 'time' },
      {
        id: 'ws-buffered-bytes',
        title: 'WebSocket bufferedAmount',
        unit: 'bytes',
        points: messagePoints.map(([t], i): [number, number] => [t, (i % 7) * 512]),
        budget: DEFAULT_THRESHOLDS.maxWsBufferedBytes,
        xAxis: 'time',
      },
    ],
    issues: heapFails
      ? [
          {
            id: 'heap-growth',
            level: 'error',
            title: 'Post-GC heap keeps growing',
            message: `heap-growth: ${leakMbPerMin.toFixed(1)} MB/min > 1.0 MB/min (Theil-Sen slope of post-GC heap, minutes 1-7)`,
            evidence: { slopeMbPerMin: leakMbPerMin, pValue: 0.0001 },
            window: { fromMs: 60_000, toMs: durationMs },
            recommendation: 'Check for retained references (audio buffers, listeners) and implement cleanup.',
          },
        ]
      : [],
    assertions: [
      {
        id: 'heap-growth',
        level: 'error',
        expected: 1,
        actual: leakMbPerMin,
        operator: '<=',
        passed: !heapFails,
        message: `heap-growth: ${leakMbPerMin.toFixed(1)} MB/min ${heapFails ? '>' : '<='} 1.0 MB/min`,
      },
      { id: 'ttfr-p95', level: 'error', expected: 3000, actual: 788.4, operator: '<=', passed: true, message: 'ttfr-p95: 788.4 ms <= 3000 ms' },
    ],
    verdict: heapFails ? 'fail' : 'pass',
    input: { records: { header: 1, cdp: heapPoints.length, monitor: 300 }, warnings: [] },
  };
}
