/**
 * jitter-buffer-growth: Theil-Sen slope after warm-up of the jitter buffer's delay per emitted sample in each
 * getStats interval (ΔjitterBufferDelay / ΔjitterBufferEmittedCount), against jitterBufferSlopeMsPerMin: a buffer
 * that keeps growing adds latency to every reply. A trend spanning under JITTER_BUFFER_MIN_TREND_MS is a warning only:
 * the receiver sizes its buffer to the call's first minute of arrival times (a loaded machine's bursts took it from
 * ~170 to ~700 ms in the first 20 s of clean calls, then it held). Not a WebRTC run, or one without stats (packet-loss reports no-data-webrtc): no assertion.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import type { Check } from '../judge/check.ts';
import { growthCheck, trendUnknownCheck } from '../judge/growth-check.ts';
import { hasInboundStats } from '../judge/no-data-webrtc.ts';
import { fitTrend } from '../stats/fit-trend.ts';
import type { Audit } from './audit.ts';

const JITTER_BUFFER_MIN_TREND_MS = 120_000;

export const jitterBufferGrowthAudit: Audit = {
  id: 'jitter-buffer-growth',
  title: 'Jitter buffer keeps its size',
  failureTitle: 'Jitter buffer grows',
  requires: ['monitor'],
  recommendation:
    'The receiver keeps adding jitter buffer delay, so replies are heard later and later: the packets arrive less and less evenly (see jitter-growth) or the page falls behind playing them; fix the pacing and keep the page responsive.',
  judge: judgeJitterBufferGrowth,
};

function judgeJitterBufferGrowth(ctx: AnalysisContext): Check | null {
  // Not a WebRTC run, or one without inbound stats (packet-loss reports that as no-data-webrtc): no assertion.
  if (!hasInboundStats(ctx)) return null;
  const { thresholds } = ctx;
  const series = ctx.data.webrtc.jitterBufferMs;
  const trend = fitTrend(series.tMs, series.values, { ...ctx.fitOptions, unit: 'ms/min' });
  if (!trend)
    return trendUnknownCheck(
      'jitter-buffer-growth',
      'Jitter buffer trend unknown',
      thresholds.jitterBufferSlopeMsPerMin,
      'too few getStats samples after warm-up',
      'ms/min',
    );
  return growthCheck({
    id: 'jitter-buffer-growth',
    title: 'Jitter buffer grows',
    trend,
    budgetPerMin: thresholds.jitterBufferSlopeMsPerMin,
    confidence: thresholds.confidence,
    fitted: 'Theil-Sen slope of jitter buffer delay per emitted sample',
    errorNeedsSpanMs: JITTER_BUFFER_MIN_TREND_MS,
    shortSpanNote: 'the trend spans under 2 min, while the receiver still sizes its buffer to the call',
  });
}
