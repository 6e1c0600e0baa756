/**
 * audio-concealment: the share of received reply audio samples the jitter buffer invented audibly (concealedSamples
 * less silentConcealedSamples, over totalSamplesReceived) after warm-up, against maxConcealedShare. Not a WebRTC
 * run, or one without stats (packet-loss reports no-data-webrtc): no assertion.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import { hasInboundStats } from '../judge/no-data-webrtc.ts';
import { inboundTotalsFrom } from '../judge/webrtc-data.ts';
import type { Audit } from './audit.ts';

export const audioConcealmentAudit: Audit = {
  id: 'audio-concealment',
  title: 'Reply audio is played as sent',
  failureTitle: 'Reply audio is concealed (invented)',
  requires: ['monitor'],
  recommendation:
    'The jitter buffer invents reply audio to cover packets that came late or never: find the loss or jitter behind it (packet-loss, jitter-growth), and keep the receiving page responsive so its audio thread is fed on time.',
  judge: judgeAudioConcealment,
};

function judgeAudioConcealment(ctx: AnalysisContext): Check | null {
  // Not a WebRTC run, or one without inbound stats (packet-loss reports that as no-data-webrtc): no assertion.
  if (!hasInboundStats(ctx)) return null;
  const budget = ctx.thresholds.maxConcealedShare;
  const totals = inboundTotalsFrom(ctx.data.webrtc, ctx.warmupMs);
  const share = totals.totalSamplesReceived > 0 ? totals.audibleConcealedSamples / totals.totalSamplesReceived : 0;
  return makeCheck({
    id: 'audio-concealment',
    level: 'error',
    title: 'Reply audio is concealed (invented)',
    expected: budget,
    actual: share,
    operator: '<=',
    unit: 'share',
    passed: totals.totalSamplesReceived > 0 && share <= budget,
    message:
      totals.totalSamplesReceived > 0
        ? `audio-concealment: ${formatNumber(share * 100)} % ${share > budget ? '>' : '<='} ${formatNumber(budget * 100)} % (${totals.audibleConcealedSamples} of ${totals.totalSamplesReceived} received samples concealed audibly after warm-up, ${totals.concealmentEvents} concealment events, getStats)`
        : 'audio-concealment: no reply audio samples received after warm-up (is the remote track played? without a sink Chromium discards the packets)',
    evidence: {
      concealedSamples: totals.audibleConcealedSamples,
      samplesReceived: totals.totalSamplesReceived,
      concealmentEvents: totals.concealmentEvents,
      share,
      budget,
    },
    window: { fromMs: ctx.warmupMs, toMs: ctx.durationMs },
  });
}
