/**
 * Time to first response per turn: slow-first-response (p95 over the budget, static or adaptive), ttfr-growth
 * (Theil-Sen slope over turns after warm-up) and response-timeouts (no audio within the seed's response timeout).
 */
import { quantile } from './stats/quantile-sorted.ts';
import type { AnalysisContext } from './analysis-context.ts';
import { makeCheck, type Check } from './check.ts';
import { formatNumber } from './format-number.ts';
import { growthCheck, trendUnknownCheck } from './growth-check.ts';
import { noDataTurnsCheck } from './no-data-turns.ts';

export function detectFirstResponse(ctx: AnalysisContext): Check[] {
  const { turns, thresholds } = ctx;
  const checks: Check[] = [];
  if (turns.length === 0) {
    checks.push(noDataTurnsCheck(ctx));
  } else {
    const p95 = quantile(
      turns.map((t) => t.ttfrMs),
      0.95,
    )!;
    const budget = thresholds.ttfrP95Ms;
    const passed = p95 <= budget;
    const budgetSource =
      ctx.adaptive?.ttfrP95Ms != null
        ? `adaptive: ${ctx.adaptive.factor} x ${formatNumber(ctx.adaptive.baseline.ttfrP95Ms)} ms, ${ctx.adaptive.baseline.source}`
        : 'budget';
    checks.push(
      makeCheck({
        id: 'slow-first-response',
        level: 'error',
        title: 'Slow first response',
        expected: budget,
        actual: p95,
        operator: '<=',
        passed,
        message: `slow-first-response: TTFR p95 ${formatNumber(p95)} ms ${passed ? '<=' : '>'} ${formatNumber(budget)} ms (${budgetSource}; ${turns.length} turns)`,
        evidence: { ttfrP95Ms: p95, turns: turns.length, budgetMs: budget },
        window: { fromMs: turns[0]!.startMs, toMs: turns[turns.length - 1]!.startMs },
      }),
    );
    const trend = ctx.trends.ttfrMs;
    checks.push(
      trend
        ? growthCheck({
            id: 'ttfr-growth',
            title: 'Replies get slower',
            trend,
            budgetPerMin: thresholds.ttfrSlopeMsPerMin,
            confidence: thresholds.confidence,
            fitted: 'Theil-Sen slope of time to first response per turn',
            level: 'warn',
          })
        : trendUnknownCheck(
            'ttfr-growth',
            'Reply latency trend unknown',
            thresholds.ttfrSlopeMsPerMin,
            `too few turns after warm-up (${turns.filter((t) => t.startMs >= ctx.warmupMs).length})`,
          ),
    );
  }
  checks.push(responseTimeoutCheck(ctx));
  return checks;
}

function responseTimeoutCheck(ctx: AnalysisContext): Check {
  const { data, thresholds, turns } = ctx;
  const timeoutMs = thresholds.responseTimeoutMs;
  const late = turns.filter((t) => t.ttfrMs > timeoutMs);
  const unanswered = data.turnMatcher.unanswered(ctx.durationMs, timeoutMs);
  const safeguard = data.safeguards['response-timeout']?.count ?? 0;
  const count = Math.max(late.length + unanswered.length, safeguard);
  const firstMs = Math.min(late[0]?.startMs ?? Infinity, unanswered[0]?.startMs ?? Infinity, data.safeguards['response-timeout']?.firstAtMs ?? Infinity);
  return makeCheck({
    id: 'response-timeouts',
    level: 'error',
    title: 'Responses timed out',
    expected: 0,
    actual: count,
    operator: '<=',
    passed: count === 0,
    message:
      count === 0
        ? `response-timeouts: every response started audio within ${formatNumber(timeoutMs)} ms`
        : `response-timeouts: ${count} response(s) without audio within ${formatNumber(timeoutMs)} ms (${late.length} late, ${unanswered.length} never answered, ${safeguard} safeguard timeouts)`,
    evidence: { late: late.length, unanswered: unanswered.length, safeguardTimeouts: safeguard, timeoutMs },
    window: Number.isFinite(firstMs) ? { fromMs: firstMs, toMs: firstMs + timeoutMs } : null,
  });
}
