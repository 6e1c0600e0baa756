/**
 * The `heap-sites` log record: one checkpoint of Chromium's sampling heap profiler (HeapProfiler.getSamplingProfile,
 * taken right after a forced GC, so only live sampled allocations count), aggregated per call path and capped.
 *
 * Each entry is one call path: the allocation site (the innermost frame with a script position: function, script
 * URL without query, 1-based line and column of the function), up to two calling frames above it, and `kind`, the
 * builtin frame that did the allocating when V8 names one (Float32Array, push, slice, (V8 API)). `source` is the
 * site's original position when the page serves a source map. `bytes` is V8's unbiased estimate of the live bytes
 * allocated on that path (sampled sizes scaled by the sampling rate); `samples` the raw sample count. Entries are
 * the top ones by bytes; `otherBytes` sums the rest. Pure module.
 */
import { z } from 'zod';

const tMs = z.number().finite().nonnegative();
const bytes = z.number().finite().nonnegative();
const count = z.number().int().nonnegative();
const position = z.number().int().min(0);

/** One stack frame as the profile names it (line/col 1-based; 0 when V8 gives none). */
export const heapFrameSchema = z.object({
  fn: z.string().max(200),
  url: z.string().max(500),
  line: position,
  col: position,
});

export const heapSourcePositionSchema = z.object({
  file: z.string().max(500),
  line: position,
  col: position,
  name: z.string().max(200).optional(),
});

export const heapSiteEntrySchema = heapFrameSchema.extend({
  kind: z.string().max(200).optional(),
  source: heapSourcePositionSchema.optional(),
  callers: z.array(heapFrameSchema.extend({ source: heapSourcePositionSchema.optional() })).max(4),
  bytes,
  samples: count,
});

export const heapSitesRecordSchema = z.object({
  type: z.literal('heap-sites'),
  tMs,
  /** Why this checkpoint was taken ("turn 4 end", "end"). */
  reason: z.string().max(200).optional(),
  /** HeapProfiler.startSampling's mean sampling interval, bytes. */
  samplingIntervalBytes: z.number().finite().positive(),
  totalBytes: bytes,
  totalSamples: count,
  otherBytes: bytes,
  /** How long HeapProfiler.getSamplingProfile took, ms. */
  profileMs: z.number().finite().nonnegative().optional(),
  sites: z.array(heapSiteEntrySchema).max(100),
});

export type HeapFrame = z.infer<typeof heapFrameSchema>;
export type HeapSourcePosition = z.infer<typeof heapSourcePositionSchema>;
export type HeapSiteEntry = z.infer<typeof heapSiteEntrySchema>;
export type HeapSitesRecord = z.infer<typeof heapSitesRecordSchema>;
