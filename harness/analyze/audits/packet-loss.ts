/**
 * packet-loss (and no-data-webrtc for the WebRTC audits: a WebRTC run without inbound getStats): the share of the reply audio's RTP packets lost after warm-up (getStats inbound packetsLost against
 * packets expected), against maxPacketLossShare. Not a WebRTC run: no assertion; one without stats: no-data-webrtc.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import { isWebRtcRun, noDataWebRtcCheck } from '../judge/no-data-webrtc.ts';
import { inboundTotalsFrom } from '../judge/webrtc-data.ts';
import type { Audit } from './audit.ts';

export const packetLossAudit: Audit = {
  id: 'packet-loss',
  title: 'Reply audio packets arrive',
  failureTitle: 'Reply audio packets are lost',
  requires: ['monitor'],
  recommendation:
    'Reply audio packets are lost: check the path between the call ends (loss on loopback means the sender drops them), enable Opus in-band FEC (useinbandfec=1) and keep the sender from bursting past the receiver.',
  noData: {
    'no-data-webrtc':
      'Install the in-page monitor before the app creates its RTCPeerConnection (the harness injects it as an init script) so getStats() is sampled; a call that never connected has no inbound audio to judge: check the SDP exchange and --allow-loopback-in-peer-connection.',
  },
  judge: judgePacketLoss,
};

function judgePacketLoss(ctx: AnalysisContext): Check | null {
  if (!isWebRtcRun(ctx)) return null;
  const missing = noDataWebRtcCheck(ctx);
  if (missing) return missing;
  const budget = ctx.thresholds.maxPacketLossShare;
  const totals = inboundTotalsFrom(ctx.data.webrtc, ctx.warmupMs);
  const expected = totals.packetsReceived + totals.packetsLost;
  const share = expected > 0 ? totals.packetsLost / expected : 0;
  return makeCheck({
    id: 'packet-loss',
    level: 'error',
    title: 'Reply audio packets are lost',
    expected: budget,
    actual: share,
    operator: '<=',
    unit: 'share',
    passed: expected > 0 && share <= budget,
    message:
      expected > 0
        ? `packet-loss: ${formatNumber(share * 100)} % ${share > budget ? '>' : '<='} ${formatNumber(budget * 100)} % (${totals.packetsLost} of ${expected} reply audio packets lost after warm-up, getStats)`
        : 'packet-loss: no reply audio packets received after warm-up (getStats inbound packetsReceived did not move)',
    evidence: { packetsLost: totals.packetsLost, packetsExpected: expected, share, budget },
    window: { fromMs: ctx.warmupMs, toMs: ctx.durationMs },
  });
}
