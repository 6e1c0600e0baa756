/**
 * A CDP counter's growth (DOM nodes, event listeners): the growth rule (growth-check.ts) as a warning, or a failed
 * trend-unknown warning when too few samples follow the warm-up.
 */
import type { Trend } from '../report/report-schema.ts';
import type { AnalysisContext } from './analysis-context.ts';
import type { Check } from './check.ts';
import { growthCheck, trendUnknownCheck } from './growth-check.ts';

export interface CounterGrowthSpec {
  id: string;
  title: string;
  trend: Trend | null;
  budgetPerMin: number;
  /** The counter, for the message: "DOM node count". */
  what: string;
  /** The budget's unit when no trend was fitted: "nodes/min". */
  unitPerMin: string;
}

export function counterGrowthCheck(ctx: AnalysisContext, spec: CounterGrowthSpec): Check {
  const { id, title, trend, budgetPerMin, what, unitPerMin } = spec;
  return trend
    ? growthCheck({ id, title, trend, budgetPerMin, confidence: ctx.thresholds.confidence, fitted: `Theil-Sen slope of ${what}`, level: 'warn' })
    : trendUnknownCheck(id, title, budgetPerMin, 'too few samples after warm-up', unitPerMin);
}
