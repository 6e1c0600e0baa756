/**
 * Growth per allocation site from the heap-sites checkpoints: each site's live sampled bytes (its call paths
 * summed) at each checkpoint after warm-up (the last one before warm-up joins when fewer than 2 are after it); the
 * rate is the trend rule's Theil-Sen slope with 5 or more checkpoints, else the two-point rate from the first to
 * the last (the summary says which). A site missing from a checkpoint (below its top-N cut) counts as 0 bytes there.
 *
 * Noise floor per site: the larger of MIN_FLOOR_BYTES_PER_MIN and three standard errors of the sampled estimate
 * per minute of the window (a Poisson count: b bytes sampled at interval I have variance about I x b). With
 * Theil-Sen the error is that of the net new bytes, sd sqrt(I x |b_last - b_first|) (a live-only profile keeps a
 * retained object's sample at every later checkpoint), and a site also needs a significant Mann-Kendall trend
 * (p < 1 - confidence), which churn does not give; the two-point rate counts both ends, sqrt(I x (b_first + b_last)). `aboveNoise` drops the fixed floor: an ArrayBuffer leak's JS-heap
 * part (its wrappers) grows far slower than its backing stores, which the sampler never sees.
 *
 * Only functions of scripts with a URL are named: sites without one are the harness's own init scripts and CDP
 * evaluations (the in-page monitor, Playwright's utility script) or V8's pseudo-frames ((V8 API), (BYTECODE_COMPILER)),
 * which a clean run grows too. Pure.
 */
import type { HeapFrame, HeapSitesRecord, HeapSourcePosition } from '../log/heap-sites-schema.ts';
import type { HeapSiteFrame, HeapSiteGrowth, HeapSitesSummary } from './report/heap-sites-report-schema.ts';
import { fitTrend } from './stats/fit-trend.ts';
import { heapSiteText } from './heap-site-text.ts';

/** A site must grow at least this fast to be named: below it, churn in a long run is not a leak worth naming. */
export const MIN_FLOOR_BYTES_PER_MIN = 32 * 1024;
/** Sites kept in the summary below the floor, for context ("the fastest below the floor"). */
const BELOW_FLOOR_KEPT = 3;
const MAX_SITES = 10;

interface SiteSeries {
  frame: HeapFrame & { source?: HeapSourcePosition };
  /** bytes per checkpoint index */
  bytes: number[];
  /** The path (callers, kind) holding the most bytes at the last checkpoint that had the site. */
  best: { index: number; bytes: number; callers: HeapSiteFrame[]; kind?: string };
}

const siteKey = (f: HeapFrame): string => `${f.fn}\u0000${f.url}\u0000${f.line}\u0000${f.col}`;
const frameOut = (f: HeapFrame & { source?: HeapSourcePosition }): HeapSiteFrame => ({
  fn: f.fn,
  url: f.url,
  line: f.line,
  col: f.col,
  ...(f.source ? { source: { file: f.source.file, line: f.source.line, col: f.source.col } } : {}),
});

export function heapSiteGrowth(records: readonly HeapSitesRecord[], warmupMs: number, confidence: number): HeapSitesSummary | null {
  const after = records.filter((r) => r.tMs >= warmupMs);
  const before = records.filter((r) => r.tMs < warmupMs);
  const points = after.length >= 2 || before.length === 0 ? after : [before[before.length - 1]!, ...after];
  if (points.length < 2) return null;
  const series = new Map<string, SiteSeries>();
  points.forEach((record, index) => {
    for (const entry of record.sites) {
      if (!entry.url) continue;
      const key = siteKey(entry);
      let site = series.get(key);
      if (!site) {
        site = { frame: entry, bytes: new Array<number>(points.length).fill(0), best: { index: -1, bytes: -1, callers: [] } };
        series.set(key, site);
      }
      site.bytes[index]! += entry.bytes;
      if (index > site.best.index || entry.bytes > site.best.bytes) {
        site.best = { index, bytes: entry.bytes, callers: entry.callers.map(frameOut), ...(entry.kind ? { kind: entry.kind } : {}) };
      }
    }
  });
  const tMs = points.map((r) => r.tMs);
  const spanMin = (tMs[tMs.length - 1]! - tMs[0]!) / 60_000;
  if (!(spanMin > 0)) return null;
  const intervalBytes = Math.max(...points.map((r) => r.samplingIntervalBytes));
  const method = points.length >= 5 ? 'theil-sen' : 'two-point';
  const grown: HeapSiteGrowth[] = [];
  for (const site of series.values()) {
    const first = site.bytes[0]!;
    const last = site.bytes[site.bytes.length - 1]!;
    const trend = method === 'theil-sen' ? fitTrend(tMs, site.bytes, { fromMs: tMs[0]!, confidence, unit: 'bytes/min' }) : null;
    const bytesPerMin = trend ? trend.slopePerMin : (last - first) / spanMin;
    // Live-only profiles keep a retained object's sample from checkpoint to checkpoint, so with Theil-Sen (whose
    // Mann-Kendall test rejects churn) only the net new samples are random; the two-point rate keeps both ends'.
    const noise = (3 * Math.sqrt(intervalBytes * (method === 'theil-sen' ? Math.abs(last - first) : first + last))) / spanMin;
    const floor = Math.max(MIN_FLOOR_BYTES_PER_MIN, noise);
    const pValue = trend ? trend.pValue : null;
    const aboveNoise = bytesPerMin > noise && bytesPerMin > 0 && (pValue === null || pValue < 1 - confidence);
    const aboveFloor = aboveNoise && bytesPerMin > floor;
    const growth: Omit<HeapSiteGrowth, 'text'> = {
      ...frameOut(site.frame),
      ...(site.best.kind ? { kind: site.best.kind } : {}),
      callers: site.best.callers,
      bytesPerMin,
      floorBytesPerMin: floor,
      aboveFloor,
      aboveNoise,
      startBytes: first,
      endBytes: last,
      pValue,
    };
    grown.push({ ...growth, text: heapSiteText(growth) });
  }
  grown.sort((a, b) => Number(b.aboveFloor) - Number(a.aboveFloor) || Number(b.aboveNoise) - Number(a.aboveNoise) || b.bytesPerMin - a.bytesPerMin);
  const above = grown.filter((s) => s.aboveNoise).slice(0, MAX_SITES);
  const below = grown.filter((s) => !s.aboveNoise).slice(0, BELOW_FLOOR_KEPT);
  return {
    checkpoints: points.length,
    fromMs: tMs[0]!,
    toMs: tMs[tMs.length - 1]!,
    method,
    samplingIntervalBytes: intervalBytes,
    minFloorBytesPerMin: MIN_FLOOR_BYTES_PER_MIN,
    sites: [...above, ...below],
  };
}
