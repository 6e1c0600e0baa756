/**
 * The report's view of the sampling heap profile: per allocation site, how fast its live sampled bytes grew over
 * the checkpoints after warm-up, against a noise floor. Read by every renderer and by the memory findings' Likely
 * sources. Pure module.
 */
import { z } from 'zod';

const num = z.number().finite();
const position = z.object({ file: z.string(), line: z.number().int(), col: z.number().int() });

export const heapSiteFrameSchema = z.object({
  fn: z.string(),
  url: z.string(),
  line: z.number().int(),
  col: z.number().int(),
  source: position.optional(),
});

export const heapSiteGrowthSchema = heapSiteFrameSchema.extend({
  /** The builtin that allocated (Float32Array, push, slice) when V8 names one. */
  kind: z.string().optional(),
  callers: z.array(heapSiteFrameSchema),
  bytesPerMin: num,
  /** Growth this site needs to count: the larger of the fixed floor and 3 sampling standard errors. */
  floorBytesPerMin: num,
  aboveFloor: z.boolean(),
  /** Growth beyond 3 sampling errors (and the trend test), whatever the fixed floor: what a backing-store leak's small JS-heap part can show. */
  aboveNoise: z.boolean(),
  startBytes: num,
  endBytes: num,
  /** Mann-Kendall p-value of the site's checkpoints (Theil-Sen method only). */
  pValue: num.nullable(),
  /** "Array +2.1 MB/min allocated in tick (src/heap-leak-fault.ts:25) called from start (src/voice-app.ts:60)". */
  text: z.string(),
});

export const heapSitesSummarySchema = z.object({
  checkpoints: z.number().int().nonnegative(),
  fromMs: num,
  toMs: num,
  /** theil-sen: 5 or more checkpoints after warm-up; two-point: first and last checkpoint (fewer than 5). */
  method: z.enum(['theil-sen', 'two-point']),
  samplingIntervalBytes: num,
  minFloorBytesPerMin: num,
  /** The fastest-growing sites, fastest first (those above the floor, then the next few below it). */
  sites: z.array(heapSiteGrowthSchema),
});

export type HeapSiteFrame = z.infer<typeof heapSiteFrameSchema>;
export type HeapSiteGrowth = z.infer<typeof heapSiteGrowthSchema>;
export type HeapSitesSummary = z.infer<typeof heapSitesSummarySchema>;
