/**
 * no-data-webrtc: a WebRTC run (the log header says meta.transport=webrtc, a peer connection was live, or a data
 * channel was sampled) without the getStats samples its WebRTC audits judge. Not a WebRTC run: null (no assertion).
 */
import type { AnalysisContext } from './analysis-context.ts';
import { noDataCheck, type Check } from './check.ts';
import { missingDataLevel } from './missing-data-level.ts';

export function isWebRtcRun(ctx: AnalysisContext): boolean {
  const { data } = ctx;
  return data.header.meta?.transport === 'webrtc' || data.webrtc.peerConnectionsSeen > 0 || data.webrtc.dcSamples > 0 || data.webrtc.rtcSamples > 0;
}

/** A WebRTC run with inbound audio stats to judge. */
export function hasInboundStats(ctx: AnalysisContext): boolean {
  return isWebRtcRun(ctx) && ctx.data.webrtc.inboundSamples >= 2;
}

/** The no-data result when a WebRTC run lacks inbound audio stats; null when they are there or the run is not WebRTC. */
export function noDataWebRtcCheck(ctx: AnalysisContext): Check | null {
  const { webrtc } = ctx.data;
  if (!isWebRtcRun(ctx) || webrtc.inboundSamples >= 2) return null;
  const why =
    webrtc.rtcSamples === 0
      ? 'no getStats samples (rtc records) on a WebRTC run: was the monitor installed before the app created its RTCPeerConnection?'
      : `${webrtc.rtcSamples} getStats samples but ${webrtc.inboundSamples} with inbound audio: did the call ever receive the reply track?`;
  return noDataCheck('no-data-webrtc', missingDataLevel(ctx.data.header, 'ws'), 'No WebRTC statistics', why);
}
