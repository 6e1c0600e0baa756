/**
 * Records as the in-page monitor writes them, built from a described series, for tests that judge the same series in
 * the page (TrendWatch) and in the analyzer (analyze() over the page's log). Deterministic (seeded).
 */
import type { LogRecord, SoakLog } from '../../../harness/log/log-schema.ts';
import { monitorHeader } from '../../../harness/monitor/monitor-header.ts';
import type { Thresholds } from '../../../harness/thresholds/thresholds-schema.ts';
import { seededRandom } from '../../../harness/synth/seeded-random.ts';

const MIB = 1024 * 1024;

export interface HeapSeries {
  minutes: number;
  /** Growth of the post-GC floor, MB per minute. */
  leakMbPerMin: number;
  /** Noise of each GC cycle's floor (sd), MB. */
  floorNoiseMb?: number;
  gcEverySec?: number;
  seed?: number;
}

/** One memory sample a second: a sawtooth (5 MB allocated per GC cycle) over a floor that grows and wobbles. */
export function heapRecords({ minutes, leakMbPerMin, floorNoiseMb = 0, gcEverySec = 20, seed = 1 }: HeapSeries): LogRecord[] {
  const random = seededRandom(seed);
  const records: LogRecord[] = [];
  let floorMb = 80;
  for (let s = 0; s <= minutes * 60; s += 1) {
    if (s % gcEverySec === 0) floorMb = 80 + leakMbPerMin * (s / 60) + random.normal(0, floorNoiseMb);
    const usedBytes = Math.round((floorMb + 5 * ((s % gcEverySec) / gcEverySec)) * MIB);
    records.push({ type: 'monitor', tMs: s * 1000, kind: 'memory', usedBytes, totalBytes: usedBytes + 20 * MIB, precise: true });
  }
  return records;
}

/** Message records every 250 ms: handler time = base + growth x minutes + uniform noise in [0, noiseMs). */
export function handlerRecords(minutes: number, growthMsPerMin: number, noiseMs = 1, seed = 2): LogRecord[] {
  const random = seededRandom(seed);
  const records: LogRecord[] = [];
  for (let tMs = 0; tMs <= minutes * 60_000; tMs += 250)
    records.push({
      type: 'monitor',
      tMs,
      kind: 'message',
      socketId: 'ws-1',
      handlerMs: 1 + growthMsPerMin * (tMs / 60_000) + random.uniform(0, noiseMs),
      queueSize: 0,
    });
  return records;
}

/** One turn every everyMs: speech stopped, response created, first audio ttfrMs later, one delta, done. */
export function turnRecords(ttfrsMs: readonly number[], everyMs = 20_000): LogRecord[] {
  const records: LogRecord[] = [];
  ttfrsMs.forEach((ttfrMs, i) => {
    const startMs = 5_000 + i * everyMs;
    const responseId = `resp_${i + 1}`;
    records.push(
      { type: 'rt', tMs: startMs, socketId: 'ws-1', kind: 'speech-stopped' },
      { type: 'rt', tMs: startMs + 50, socketId: 'ws-1', kind: 'response-created', responseId },
      { type: 'rt', tMs: startMs + ttfrMs, socketId: 'ws-1', kind: 'first-audio', responseId },
      { type: 'rt', tMs: startMs + ttfrMs, socketId: 'ws-1', kind: 'audio-delta', responseId, bytes: 4800 },
      { type: 'rt', tMs: startMs + ttfrMs + 500, socketId: 'ws-1', kind: 'response-done', responseId, status: 'completed' },
    );
  });
  return records;
}

/** TTFR per turn: base + growth x turn + normal noise (sd noiseMs), never below 50 ms. */
export function ttfrSeries(turns: number, baseMs: number, growthMsPerTurn: number, noiseMs: number, seed = 3): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: turns }, (_, i) => Math.max(50, Math.round(baseMs + growthMsPerTurn * i + random.normal(0, noiseMs))));
}

/** The page's log of these records: the monitor's own header, records in time order. */
export function pageLog(records: readonly LogRecord[], thresholds: Thresholds): SoakLog {
  const header = monitorHeader({
    startedAt: new Date(0).toISOString(),
    sampleIntervalMs: 1000,
    thresholds,
    dialect: 'ga',
    targetKind: undefined,
    meta: undefined,
    dropped: {},
  });
  return { header, records: [...records].sort((a, b) => a.tMs - b.tMs) };
}
