/**
 * The growth rule, one place for every trend budget (heap, handler time, TTFR, DOM, listeners, backlogs):
 * a growth finding needs BOTH the Theil-Sen slope above the budget AND a significant monotonic trend
 * (Mann-Kendall p < 1 - confidence). It is an error when Sen's confidence interval lies wholly above the budget
 * (ciLow > budget: confidently too fast), a warning otherwise. A single sample or a noisy maximum never decides.
 */
import type { Assertion, Trend } from '../report/report-schema.ts';
import { makeCheck, type Check } from './check.ts';
import { formatMinutes, formatNumber } from './format-number.ts';

export function judgeGrowth(trend: Trend, budgetPerMin: number, confidence: number): Assertion['level'] | null {
  if (!(trend.slopePerMin > budgetPerMin) || !(trend.pValue < 1 - confidence)) return null;
  return trend.ciLowPerMin > budgetPerMin ? 'error' : 'warn';
}

export interface GrowthCheckInput {
  id: string;
  title: string;
  trend: Trend;
  budgetPerMin: number;
  confidence: number;
  /** What was fitted, for the message: "Theil-Sen slope of post-GC heap". */
  fitted: string;
  /** Level of the assertion when it passes (the level it would fail at when confidently over budget). */
  level?: Assertion['level'];
  /**
   * A trend spanning less than this (ms) may fail as a warning only, with `shortSpanNote` in the message: for a
   * series that settles for a while after start (a fresh renderer's RSS), a short run cannot tell settling from a leak.
   */
  errorNeedsSpanMs?: number;
  shortSpanNote?: string;
}

/** No trend could be fitted ("too few turns after warm-up (2)"): a failed warning, never a silent pass. `unit`: the budget's ("ms/min"). */
export function trendUnknownCheck(id: string, title: string, budgetPerMin: number, tooFew: string, unit: string): Check {
  return makeCheck({
    id,
    level: 'warn',
    title,
    expected: budgetPerMin,
    actual: null,
    operator: '<=',
    unit,
    passed: false,
    message: `${id}: ${tooFew} to fit a trend`,
  });
}

export function growthCheck(input: GrowthCheckInput): Check {
  const { trend, budgetPerMin, id } = input;
  const judged = judgeGrowth(trend, budgetPerMin, input.confidence);
  const tooShort = judged === 'error' && input.errorNeedsSpanMs !== undefined && trend.toMs - trend.fromMs < input.errorNeedsSpanMs;
  const failedLevel = tooShort ? 'warn' : judged;
  const op = trend.slopePerMin > budgetPerMin ? '>' : '<=';
  const significance = failedLevel ? '' : trend.slopePerMin > budgetPerMin ? `, not significant: Mann-Kendall p=${formatNumber(trend.pValue)}` : '';
  return makeCheck({
    id,
    level: failedLevel ?? input.level ?? 'error',
    title: input.title,
    expected: budgetPerMin,
    actual: trend.slopePerMin,
    operator: '<=',
    unit: trend.unit,
    passed: failedLevel === null,
    message: `${id}: ${formatNumber(trend.slopePerMin)} ${trend.unit} ${op} ${formatNumber(budgetPerMin)} ${trend.unit} (${input.fitted}, ${formatMinutes(trend.fromMs, trend.toMs)}${significance})${tooShort ? `: a warning only, ${input.shortSpanNote ?? `the trend spans under ${formatNumber(input.errorNeedsSpanMs! / 60_000)} min`}` : ''}`,
    evidence: {
      slopePerMin: trend.slopePerMin,
      ciLowPerMin: trend.ciLowPerMin,
      ciHighPerMin: trend.ciHighPerMin,
      pValue: trend.pValue,
      points: trend.points,
      budgetPerMin,
      unit: trend.unit,
    },
    window: { fromMs: trend.fromMs, toMs: trend.toMs },
  });
}
