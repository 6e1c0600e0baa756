/**
 * playback-gaps: silences of at least thresholds.playbackGapMs inside a reply, as the output tap heard them, per
 * minute of reply audio heard. The budget is longer than natural pauses, so what is counted is playback running
 * dry: chunks scheduled late, a starved jitter buffer, a stalled main thread. Protocol-free, unlike audio-gaps.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import type { Audit } from './audit.ts';

export const playbackGapsAudit: Audit = {
  id: 'playback-gaps',
  title: 'Replies play without audible gaps',
  failureTitle: 'Audible gaps in played replies',
  requires: ['harness'],
  recommendation:
    'Replies go silent mid-sentence at the speaker: schedule each chunk against the previous one (not against the time it arrived), keep a small lead, and look for main-thread stalls and late chunks around the gaps.',
  judge: judgePlaybackGaps,
};

function judgePlaybackGaps(ctx: AnalysisContext): Check | null {
  const { edges, thresholds } = ctx;
  if (edges.mouthToEar.length === 0) return null;
  const gaps = edges.turns.flatMap((t) => t.gapsMs);
  const replyMin = edges.replyAudioMs / 60_000;
  const perMin = replyMin > 0 ? gaps.length / replyMin : 0;
  const budget = thresholds.maxPlaybackGapsPerMin;
  const passed = perMin <= budget;
  const first = edges.turns.find((t) => t.gapsMs.length > 0);
  const longestMs = gaps.length ? Math.max(...gaps) : null;
  return makeCheck({
    id: 'playback-gaps',
    level: 'error',
    title: 'Audible gaps in played replies',
    expected: budget,
    actual: perMin,
    operator: '<=',
    unit: 'gaps/min',
    passed,
    message: `playback-gaps: ${formatNumber(perMin)} gaps/min ${passed ? '<=' : '>'} ${formatNumber(budget)} gaps/min (${gaps.length} silences of ${formatNumber(thresholds.playbackGapMs)} ms or more inside replies, in ${formatNumber(replyMin)} min of reply audio heard${longestMs === null ? '' : `, longest ${formatNumber(longestMs)} ms`})`,
    evidence: { gaps: gaps.length, perMin, longestMs, replyAudioMin: replyMin },
    window: first?.replyStartMs == null ? null : { fromMs: first.replyStartMs, toMs: ctx.durationMs },
  });
}
