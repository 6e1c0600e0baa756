/**
 * Reply-audio gaps longer than thresholds.audioGapMs, per minute of reply audio. Gaps come from the WebSocket tap
 * (rt audio-delta gapMs) and from the in-page monitor (audio-gap records); when both report, the larger count is
 * used (they see the same gaps, so they are not added).
 */
import type { AnalysisContext } from './analysis-context.ts';

export function audioGapSummary(ctx: AnalysisContext): {
  count: number;
  maxMs: number | null;
  perMin: number;
  replyAudioMin: number;
  firstAtMs: number | null;
} {
  const { rt, monitor } = ctx.data.audioGaps;
  const gaps = monitor.tMs.length > rt.tMs.length ? monitor : rt;
  const replyAudioMs = ctx.data.turnMatcher.replyAudioMs();
  const replyAudioMin = (replyAudioMs > 0 ? replyAudioMs : ctx.durationMs) / 60_000;
  return {
    count: gaps.tMs.length,
    maxMs: gaps.values.reduce<number | null>((max, v) => (max === null || v > max ? v : max), null),
    perMin: replyAudioMin > 0 ? gaps.tMs.length / replyAudioMin : 0,
    replyAudioMin,
    firstAtMs: gaps.tMs[0] ?? null,
  };
}
