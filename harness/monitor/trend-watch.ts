/**
 * The seed's "proactive warning system": cheap incremental trends checked while the run goes on (every 30 s by
 * default), so a budget crossing shows up as a `warning` record when it happens, not only in the final report.
 * Each series keeps one point per 10 s bucket (heap: the bucket's minimum, an approximation of the post-GC low;
 * handler time: the bucket's mean) in a ring of 360 buckets (the last hour); TTFR keeps one point per turn.
 * Points before warm-up are ignored; a trend needs at least 6 points spanning 60 s. Each warning id repeats at
 * most once per cooldown. Pure: time comes in as tMs.
 */
import type { Thresholds } from '../thresholds/thresholds-schema.ts';
import { percentile } from './percentile.ts';
import { RingBuffer } from './ring-buffer.ts';
import { theilSenSlopePerMin, type Point } from './trend-slope.ts';

export interface TrendWarning {
  id: string;
  message: string;
}

const BUCKET_MS = 10_000;
const MIN_POINTS = 6;
const MIN_SPAN_MS = 60_000;
const MB = 1024 * 1024;

class BucketSeries {
  readonly points = new RingBuffer<[number, number]>(360);
  private bucketStartMs = -1;
  private sum = 0;
  private count = 0;
  private min = Infinity;

  constructor(private readonly reduce: 'min' | 'mean') {}

  add(tMs: number, value: number): void {
    const start = Math.floor(tMs / BUCKET_MS) * BUCKET_MS;
    if (start !== this.bucketStartMs) {
      this.flush();
      this.bucketStartMs = start;
    }
    this.sum += value;
    this.count += 1;
    this.min = Math.min(this.min, value);
  }

  flush(): void {
    if (this.count > 0) this.points.push([this.bucketStartMs + BUCKET_MS / 2, this.reduce === 'min' ? this.min : this.sum / this.count]);
    this.sum = 0;
    this.count = 0;
    this.min = Infinity;
  }
}

function fit(points: readonly Point[], warmupMs: number): { slopePerMin: number; fromMs: number; toMs: number } | null {
  const used = points.filter((p) => p[0] >= warmupMs);
  if (used.length < MIN_POINTS) return null;
  const fromMs = used[0]![0];
  const toMs = used[used.length - 1]![0];
  if (toMs - fromMs < MIN_SPAN_MS) return null;
  const slopePerMin = theilSenSlopePerMin(used);
  return slopePerMin === null ? null : { slopePerMin, fromMs, toMs };
}

const minutes = (ms: number) => (ms / 60_000).toFixed(1);

export class TrendWatch {
  private readonly heap = new BucketSeries('min');
  private readonly handler = new BucketSeries('mean');
  private readonly ttfr = new RingBuffer<[number, number]>(360);
  private readonly lastWarnedMs = new Map<string, number>();

  constructor(private readonly cooldownMs = 300_000) {}

  addHeap(tMs: number, usedBytes: number): void {
    this.heap.add(tMs, usedBytes);
  }

  addHandler(tMs: number, handlerMs: number): void {
    this.handler.add(tMs, handlerMs);
  }

  addTtfr(tMs: number, ttfrMs: number): void {
    this.ttfr.push([tMs, ttfrMs]);
  }

  /** Trend and budget checks at tMs; returns the warnings due now (respecting each id's cooldown). */
  check(tMs: number, thresholds: Thresholds): TrendWarning[] {
    const found: TrendWarning[] = [];
    const heap = fit(this.heap.points.toArray(), thresholds.warmupMs);
    if (heap && heap.slopePerMin / MB > thresholds.heapSlopeMbPerMin)
      found.push({ id: 'heap-growth', message: `heap-growth: ${(heap.slopePerMin / MB).toFixed(2)} MB/min > ${thresholds.heapSlopeMbPerMin} MB/min (Theil-Sen slope of 10 s heap lows, minutes ${minutes(heap.fromMs)}-${minutes(heap.toMs)})` });
    const handler = fit(this.handler.points.toArray(), thresholds.warmupMs);
    if (handler && handler.slopePerMin > thresholds.messageLatencySlopeMsPerMin)
      found.push({ id: 'latency-growth', message: `latency-growth: message handler time rises ${handler.slopePerMin.toFixed(2)} ms/min > ${thresholds.messageLatencySlopeMsPerMin} ms/min (minutes ${minutes(handler.fromMs)}-${minutes(handler.toMs)})` });
    const turns = this.ttfr.toArray();
    const ttfr = fit(turns, thresholds.warmupMs);
    if (ttfr && ttfr.slopePerMin > thresholds.ttfrSlopeMsPerMin)
      found.push({ id: 'ttfr-growth', message: `ttfr-growth: time to first response rises ${ttfr.slopePerMin.toFixed(0)} ms/min > ${thresholds.ttfrSlopeMsPerMin} ms/min over ${turns.length} turns` });
    const p95 = turns.length >= MIN_POINTS ? percentile(turns.map((p) => p[1]), 0.95) : null;
    if (p95 !== null && p95 > thresholds.ttfrP95Ms)
      found.push({ id: 'ttfr-p95', message: `ttfr-p95: time to first response p95 ${p95.toFixed(0)} ms > ${thresholds.ttfrP95Ms} ms over the last ${turns.length} turns` });
    return found.filter((warning) => this.due(warning.id, tMs));
  }

  /** For level checks done elsewhere (backpressure, queue size): true when id may warn again at tMs. */
  due(id: string, tMs: number): boolean {
    const last = this.lastWarnedMs.get(id);
    if (last !== undefined && tMs - last < this.cooldownMs) return false;
    this.lastWarnedMs.set(id, tMs);
    return true;
  }

  clear(): void {
    this.heap.points.clear();
    this.handler.points.clear();
    this.ttfr.clear();
    this.lastWarnedMs.clear();
  }
}
