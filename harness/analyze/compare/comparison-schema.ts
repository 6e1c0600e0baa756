/**
 * The result of compareReports(before, after): per metric the two values, the change, a significance test and a
 * regression flag. A zod schema so a saved comparison JSON can be read back. Pure module.
 */
import { z } from 'zod';

export const COMPARISON_SCHEMA_VERSION = 1;

const num = z.number().finite();
const nullableNum = num.nullable();

export const metricComparisonSchema = z.object({
  id: z.string(),
  title: z.string(),
  unit: z.string(),
  /** True for every metric here (latency, growth, counts); kept explicit so renderers and readers need not guess. */
  higherIsWorse: z.boolean(),
  /** Median of the distribution (Mann-Whitney), the slope (slope z-test), or the count (Poisson). */
  before: nullableNum,
  after: nullableNum,
  delta: nullableNum,
  /** delta / |before|; null when before is 0 or missing. */
  relativeDelta: nullableNum,
  test: z.enum(['mann-whitney-u', 'slope-z', 'poisson-rate', 'none']),
  /** Sample sizes the test used (points, trend points, or events). */
  nBefore: z.number().int().nonnegative(),
  nAfter: z.number().int().nonnegative(),
  /** z of the test (Mann-Whitney, slopes) or null. */
  statistic: nullableNum,
  pValue: nullableNum,
  /** Holm-adjusted across all tested metrics of this comparison. */
  adjustedPValue: nullableNum,
  significant: z.boolean(),
  regression: z.boolean(),
  improvement: z.boolean(),
  /** Why a metric was not tested, or what decided it ("trend intervals do not overlap"). */
  note: z.string(),
});

const runSummarySchema = z.object({
  startedAt: z.string(),
  targetUrl: z.string(),
  verdict: z.enum(['pass', 'warn', 'fail']),
  durationMs: num,
});

export const comparisonSchema = z.object({
  schemaVersion: z.literal(COMPARISON_SCHEMA_VERSION),
  confidence: z.number().gt(0.5).lt(1),
  /** 1 - confidence: an adjusted p-value below it is significant. */
  alpha: num,
  /** Smallest relative change of a latency metric that counts as a regression when significant. */
  minRelativeDelta: num,
  before: runSummarySchema,
  after: runSummarySchema,
  metrics: z.array(metricComparisonSchema),
  /** Ids of the metrics flagged as regressions. */
  regressions: z.array(z.string()),
  verdict: z.enum(['regressed', 'improved', 'unchanged']),
});

export type MetricComparison = z.infer<typeof metricComparisonSchema>;
export type Comparison = z.infer<typeof comparisonSchema>;
