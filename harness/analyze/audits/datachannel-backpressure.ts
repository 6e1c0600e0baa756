/**
 * datachannel-backpressure: the oai-events data channel's bufferedAmount (largest over a call's channels at each
 * sample), judged as a level that must drain (level-check.ts) against maxDataChannelBufferedBytes. Not a WebRTC
 * run: no assertion; a WebRTC run without data channel samples: no-data-datachannel.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { noDataCheck, type Check } from '../judge/check.ts';
import { levelCheck } from '../judge/level-check.ts';
import { missingDataLevel } from '../judge/missing-data-level.ts';
import { isWebRtcRun } from '../judge/no-data-webrtc.ts';
import { fitTrend } from '../stats/fit-trend.ts';
import type { Audit } from './audit.ts';

export const datachannelBackpressureAudit: Audit = {
  id: 'datachannel-backpressure',
  title: 'Data channel send buffer drains',
  failureTitle: 'Data channel send buffer grows',
  requires: ['monitor'],
  recommendation:
    'Events queue on the data channel (bufferedAmount grows): the peer is not reading or the channel is congested. Watch bufferedAmount (bufferedamountlow) and stop sending while it is high; send audio on the media track, not as events.',
  noData: {
    'no-data-datachannel':
      'Install the in-page monitor before the app creates its RTCPeerConnection so its data channels are tapped; an app that sends its events some other way has no oai-events channel to judge.',
  },
  judge: judgeDatachannelBackpressure,
};

function judgeDatachannelBackpressure(ctx: AnalysisContext): Check | null {
  if (!isWebRtcRun(ctx)) return null;
  const series = ctx.data.webrtc.dcBufferedBytes;
  if (series.tMs.length === 0)
    return noDataCheck(
      'no-data-datachannel',
      missingDataLevel(ctx.data.header, 'ws'),
      'No data channel samples',
      'no data channel samples (dc records) on a WebRTC run: was the monitor installed before the app created its RTCPeerConnection?',
    );
  return levelCheck(ctx, {
    id: 'datachannel-backpressure',
    title: 'Data channel send buffer grows',
    series,
    trend: fitTrend(series.tMs, series.values, { ...ctx.fitOptions, unit: 'bytes/min' }),
    budget: ctx.thresholds.maxDataChannelBufferedBytes,
    unit: 'bytes',
    what: 'data channel bufferedAmount',
  });
}
