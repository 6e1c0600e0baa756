/**
 * The page's early warnings, judged by the analyzer's own rules over the window the page has (trend-window.ts),
 * so a warning raised in the page is the finding analyze() would report if the run ended now:
 *  - warm-up clamped to the run so far (effectiveWarmupMs), and with thresholds.adaptive the TTFR budget from the
 *    warm-up's turns (the analyzer's adaptive-thresholds.ts);
 *  - heap-growth: post-GC lows of the page heap (postGcLows, window minima: the page sees no GC), fitted by fitTrend
 *    (Theil-Sen + Mann-Kendall) and judged by judgeGrowth (growthCheck), as audits/heap-growth.ts does for a page log;
 *  - latency-growth and ttfr-growth: fitTrend of handler time and of TTFR per turn, judged the same way;
 *  - slow-first-response: the type-7 p95 of TTFR over the turns against the budget (audits/slow-first-response.ts).
 * Each warning carries the level the report would give it, and says it is an early warning. Pure.
 */
import { applyAdaptiveBudgets, adaptiveBudgets, baselineFromWarmup } from '../analyze/judge/adaptive-thresholds.ts';
import { effectiveWarmupMs } from '../analyze/judge/analysis-context.ts';
import { formatNumber } from '../analyze/judge/format-number.ts';
import { growthCheck } from '../analyze/judge/growth-check.ts';
import type { Assertion, Trend } from '../analyze/report/report-schema.ts';
import { fitTrend } from '../analyze/stats/fit-trend.ts';
import { postGcLows } from '../analyze/stats/post-gc-lows.ts';
import { quantile } from '../analyze/stats/quantile-sorted.ts';
import type { Thresholds } from '../thresholds/thresholds-schema.ts';
import type { TrendWindowData } from './trend-window.ts';

export interface EarlyWarning {
  /** The analyzer's assertion id for the same finding. */
  id: string;
  /** The level analyze() would give it over the same window. */
  level: Assertion['level'];
  message: string;
}

const MIB = 1024 * 1024;
/** The level audits/slow-first-response.ts gives slow-first-response. */
const SLOW_FIRST_RESPONSE_LEVEL: Assertion['level'] = 'error';

interface Growth {
  id: string;
  title: string;
  trend: Trend | null;
  budgetPerMin: number;
  fitted: string;
}

export function earlyWarnings(window: TrendWindowData, configured: Thresholds): EarlyWarning[] {
  const warmupMs = effectiveWarmupMs(configured.warmupMs, window.lastTMs);
  const thresholds = withAdaptiveBudgets(window, configured, warmupMs);
  const fit = { fromMs: warmupMs, confidence: thresholds.confidence };
  const { heapUsedBytes: heap, handlerMs: handler, turns } = window;
  const lows = postGcLows(heap.tMs, heap.values);
  const growths: Growth[] = [
    {
      id: 'heap-growth',
      title: 'Heap keeps growing',
      budgetPerMin: thresholds.heapSlopeMbPerMin,
      trend: fitTrend(lows.tMs, lows.bytes, { ...fit, unit: 'MB/min', yScale: 1 / MIB }),
      fitted: `Theil-Sen slope of post-GC heap${lows.method === 'window-minima' ? ' (window minima)' : ''}, performance.memory`,
    },
    {
      id: 'latency-growth',
      title: 'Message handling gets slower',
      budgetPerMin: thresholds.messageLatencySlopeMsPerMin,
      trend: fitTrend(handler.tMs, handler.values, { ...fit, unit: 'ms/min' }),
      fitted: 'Theil-Sen slope of message handler time',
    },
    {
      id: 'ttfr-growth',
      title: 'Replies get slower',
      budgetPerMin: thresholds.ttfrSlopeMsPerMin,
      trend: fitTrend(
        turns.map((t) => t.startMs),
        turns.map((t) => t.ttfrMs),
        { ...fit, unit: 'ms/min' },
      ),
      fitted: 'Theil-Sen slope of time to first response per turn',
    },
  ];
  const found: EarlyWarning[] = [];
  for (const { trend, ...growth } of growths) {
    if (!trend) continue;
    const { assertion } = growthCheck({ ...growth, trend, confidence: thresholds.confidence });
    if (!assertion.passed) found.push(early(assertion.id, assertion.level, assertion.message));
  }
  const p95 = quantile(
    turns.map((t) => t.ttfrMs),
    0.95,
  );
  if (p95 !== null && p95 > thresholds.ttfrP95Ms) {
    const message = `slow-first-response: TTFR p95 ${formatNumber(p95)} ms > ${formatNumber(thresholds.ttfrP95Ms)} ms (${turns.length} turns)`;
    found.push(early('slow-first-response', SLOW_FIRST_RESPONSE_LEVEL, message));
  }
  return found;
}

/** "heap-growth: 3.4 MB/min > ..." -> "heap-growth: early warning (warn): 3.4 MB/min > ...". */
function early(id: string, level: Assertion['level'], message: string): EarlyWarning {
  const finding = message.startsWith(`${id}: `) ? message.slice(id.length + 2) : message;
  return { id, level, message: `${id}: early warning (${level}): ${finding}` };
}

/** As buildAnalysisContext: with thresholds.adaptive, the TTFR budget follows the warm-up's turns. */
function withAdaptiveBudgets(window: TrendWindowData, configured: Thresholds, warmupMs: number): Thresholds {
  if (!configured.adaptive.enabled) return configured;
  const warmupHandlerMs = Array.from(window.handlerMs.values).filter((_, i) => window.handlerMs.tMs[i]! < warmupMs);
  const baseline = baselineFromWarmup(
    window.turns.filter((t) => t.startMs < warmupMs).map((t) => t.ttfrMs),
    warmupHandlerMs,
    warmupMs,
  );
  return applyAdaptiveBudgets(configured, adaptiveBudgets(baseline, configured.adaptive.factor));
}
