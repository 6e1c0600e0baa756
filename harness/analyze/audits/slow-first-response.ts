/**
 * slow-first-response: p95 of the time to first response per turn over the budget (static or adaptive). No turns:
 * no-data-turns.
 */
import { quantile } from '../stats/quantile-sorted.ts';
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import { noDataTurnsCheck } from '../judge/no-data-turns.ts';
import type { Audit } from './audit.ts';

export const slowFirstResponseAudit: Audit = {
  id: 'slow-first-response',
  title: 'Replies start in time',
  failureTitle: 'Slow first response',
  requires: ['turns'],
  recommendation:
    'Slow replies: check what runs between speech end and the first audio (event queue, handler time, network); consider automatic reconnection after extended conversations.',
  noData: {
    'no-data-turns':
      'No reply audio was seen: check that the conversation ran (start selector, fake mic), that the realtime server was reachable (the first close code and harness notes say why not) and that the tap decodes the realtime events.',
  },
  judge: judgeSlowFirstResponse,
};

function judgeSlowFirstResponse(ctx: AnalysisContext): Check | null {
  const { turns, thresholds } = ctx;
  // A run judged on its audio edges (no Realtime events decoded) has no protocol turns to miss.
  if (turns.length === 0) return ctx.edges.protocol === 'none' && ctx.edges.tapped ? null : noDataTurnsCheck(ctx);
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
  return makeCheck({
    id: 'slow-first-response',
    level: 'error',
    title: 'Slow first response',
    expected: budget,
    actual: p95,
    operator: '<=',
    unit: 'ms',
    passed,
    message: `slow-first-response: TTFR p95 ${formatNumber(p95)} ms ${passed ? '<=' : '>'} ${formatNumber(budget)} ms (${budgetSource}; ${turns.length} turns)`,
    evidence: { ttfrP95Ms: p95, turns: turns.length, budgetMs: budget },
    window: { fromMs: turns[0]!.startMs, toMs: turns[turns.length - 1]!.startMs },
  });
}
