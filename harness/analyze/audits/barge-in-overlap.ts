/**
 * barge-in-overlap: when the caller talks over a reply, how long the reply stays audible after they began (p95 over
 * the barge-ins; the reaction time of the app's interruption, at the speaker). No barge-in in the run: no assertion.
 */
import { quantile } from '../stats/quantile-sorted.ts';
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import type { Audit } from './audit.ts';

export const bargeInOverlapAudit: Audit = {
  id: 'barge-in-overlap',
  title: 'Replies stop when the caller talks over them',
  failureTitle: 'Reply keeps playing over the caller',
  requires: ['harness'],
  recommendation:
    'Reply audio plays on after the caller starts talking: on speech start (input_audio_buffer.speech_started, or the app’s own VAD) stop every scheduled source and flush the playback queue, then truncate the item to what was played.',
  judge: judgeBargeInOverlap,
};

function judgeBargeInOverlap(ctx: AnalysisContext): Check | null {
  const overlaps = ctx.edges.turns.flatMap((t) => (t.bargeInOverlapMs === null ? [] : [t.bargeInOverlapMs]));
  if (overlaps.length === 0) return null;
  const p95 = quantile(overlaps, 0.95)!;
  const budget = ctx.thresholds.bargeInOverlapMs;
  const passed = p95 <= budget;
  const worst = ctx.edges.turns.reduce((a, t) => ((t.bargeInOverlapMs ?? -1) > (a?.bargeInOverlapMs ?? -1) ? t : a), ctx.edges.turns[0]);
  return makeCheck({
    id: 'barge-in-overlap',
    level: 'error',
    title: 'Reply keeps playing over the caller',
    expected: budget,
    actual: p95,
    operator: '<=',
    unit: 'ms',
    passed,
    message: `barge-in-overlap: p95 ${formatNumber(p95)} ms ${passed ? '<=' : '>'} ${formatNumber(budget)} ms of reply audio heard after the caller started talking (${overlaps.length} barge-ins, longest ${formatNumber(Math.max(...overlaps))} ms)`,
    evidence: { p95Ms: p95, bargeIns: overlaps.length, longestMs: Math.max(...overlaps), budgetMs: budget },
    window: worst ? { fromMs: worst.speechStartMs, toMs: worst.speechEndMs } : null,
  });
}
