/**
 * audio-gaps: reply-audio gaps longer than thresholds.audioGapMs per minute of reply audio. Gaps come from the
 * WebSocket tap (rt audio-delta gapMs) and from the in-page monitor (audio-gap records); when both report, the
 * larger count is used (they see the same gaps, so they are not added).
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { audioGapSummary } from '../judge/audio-gap-summary.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import type { Audit } from './audit.ts';

export const audioGapsAudit: Audit = {
  id: 'audio-gaps',
  title: 'Reply audio plays without gaps',
  failureTitle: 'Audible gaps in reply audio',
  requires: ['ws', 'monitor'],
  recommendation:
    'Reply audio has audible gaps: check playback scheduling and main-thread stalls (long tasks) during replies; buffer slightly ahead of playback.',
  judge: judgeAudioGaps,
};

function judgeAudioGaps(ctx: AnalysisContext): Check | null {
  const budget = ctx.thresholds.maxAudioGapsPerMin;
  const gaps = audioGapSummary(ctx);
  const passed = gaps.perMin <= budget;
  return makeCheck({
    id: 'audio-gaps',
    level: 'warn',
    title: 'Audible gaps in reply audio',
    expected: budget,
    actual: gaps.perMin,
    operator: '<=',
    unit: 'gaps/min',
    passed,
    message: `audio-gaps: ${formatNumber(gaps.perMin)} gaps/min ${passed ? '<=' : '>'} ${formatNumber(budget)} gaps/min (${gaps.count} gaps over ${formatNumber(ctx.thresholds.audioGapMs)} ms in ${formatNumber(gaps.replyAudioMin)} min of reply audio, longest ${formatNumber(gaps.maxMs)} ms)`,
    evidence: { gaps: gaps.count, perMin: gaps.perMin, longestMs: gaps.maxMs, replyAudioMin: gaps.replyAudioMin },
    window: gaps.firstAtMs === null ? null : { fromMs: gaps.firstAtMs, toMs: ctx.durationMs },
  });
}
