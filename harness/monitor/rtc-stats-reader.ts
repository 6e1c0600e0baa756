/**
 * Reads one RTCPeerConnection.getStats() report into the log's `rtc` sections (log/webrtc-schema.ts): the inbound
 * audio track (the reply), the outbound one (the mic) with what the far end reported about it, the transport's
 * selected candidate pair with its addresses, every ICE candidate's address (local and remote, each address once, at
 * most MAX_CANDIDATE_ADDRESSES a side: what proves a call stayed on loopback), and the data channels together. Seconds become milliseconds; a
 * section the report lacks is left out. Pure: a Map-like of stats objects in, plain numbers out.
 */
import type { RtcStatsSample } from '../log/webrtc-schema.ts';

// biome-ignore lint/suspicious/noExplicitAny: RTCStats entries are dictionaries whose fields depend on their type; each reader narrows what it uses
type Stats = Record<string, any>;
type Sections = Pick<RtcStatsSample, 'inbound' | 'outbound' | 'candidatePair' | 'candidates' | 'dataChannels'>;

const MAX_CANDIDATE_ADDRESSES = 16;

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const count = (value: unknown): number => Math.max(0, Math.round(num(value)));
const msOf = (seconds: unknown): number => Math.max(0, num(seconds) * 1000);
const optionalMs = (seconds: unknown): { value?: number } => (typeof seconds === 'number' && Number.isFinite(seconds) ? { value: msOf(seconds) } : {});

export function readRtcStats(report: { forEach(callback: (stats: Stats) => void): void; get(id: string): Stats | undefined }): Sections {
  const out: Sections = {};
  const audio = (s: Stats) => s.kind === 'audio' || s.mediaType === 'audio';
  let pairId: string | undefined;
  let anyPair: Stats | undefined;
  const channels = { channels: 0, messagesSent: 0, messagesReceived: 0, bytesSent: 0, bytesReceived: 0 };
  const candidates = { local: new Set<string>(), remote: new Set<string>() };
  report.forEach((s) => {
    if (s.type === 'local-candidate' || s.type === 'remote-candidate') {
      const side = s.type === 'local-candidate' ? candidates.local : candidates.remote;
      const address = addressOf(s);
      if (address !== undefined && side.size < MAX_CANDIDATE_ADDRESSES) side.add(address);
      return;
    }
    if (s.type === 'inbound-rtp' && audio(s) && !out.inbound) {
      const target = optionalMs(s.jitterBufferTargetDelay);
      const level = typeof s.audioLevel === 'number' && Number.isFinite(s.audioLevel) ? { audioLevel: Math.min(1, Math.max(0, s.audioLevel)) } : {};
      out.inbound = {
        packetsReceived: count(s.packetsReceived),
        packetsLost: Math.round(num(s.packetsLost)),
        jitterMs: msOf(s.jitter),
        jitterBufferDelayMs: msOf(s.jitterBufferDelay),
        ...(target.value === undefined ? {} : { jitterBufferTargetDelayMs: target.value }),
        jitterBufferEmittedCount: count(s.jitterBufferEmittedCount),
        concealedSamples: count(s.concealedSamples),
        silentConcealedSamples: count(s.silentConcealedSamples),
        concealmentEvents: count(s.concealmentEvents),
        totalSamplesReceived: count(s.totalSamplesReceived),
        ...level,
      };
    } else if (s.type === 'outbound-rtp' && audio(s) && !out.outbound) {
      const remote = typeof s.remoteId === 'string' ? report.get(s.remoteId) : undefined;
      const rtt = optionalMs(remote?.roundTripTime);
      const jitter = optionalMs(remote?.jitter);
      out.outbound = {
        packetsSent: count(s.packetsSent),
        bytesSent: Math.max(0, num(s.bytesSent)),
        ...(remote && typeof remote.packetsLost === 'number' ? { remotePacketsLost: Math.round(remote.packetsLost) } : {}),
        ...(jitter.value === undefined ? {} : { remoteJitterMs: jitter.value }),
        ...(rtt.value === undefined ? {} : { roundTripTimeMs: rtt.value }),
      };
    } else if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string') pairId = s.selectedCandidatePairId;
    else if (s.type === 'candidate-pair' && (s.nominated || s.selected) && s.state === 'succeeded') anyPair ??= s;
    else if (s.type === 'data-channel') {
      channels.channels += 1;
      channels.messagesSent += count(s.messagesSent);
      channels.messagesReceived += count(s.messagesReceived);
      channels.bytesSent += Math.max(0, num(s.bytesSent));
      channels.bytesReceived += Math.max(0, num(s.bytesReceived));
    }
  });
  const pair = (pairId ? report.get(pairId) : undefined) ?? anyPair;
  if (pair) {
    const rtt = optionalMs(pair.currentRoundTripTime);
    const local = typeof pair.localCandidateId === 'string' ? report.get(pair.localCandidateId) : undefined;
    const remote = typeof pair.remoteCandidateId === 'string' ? report.get(pair.remoteCandidateId) : undefined;
    const localAddress = addressOf(local);
    const remoteAddress = addressOf(remote);
    out.candidatePair = {
      state: String(pair.state ?? 'unknown').slice(0, 64),
      ...(rtt.value === undefined ? {} : { currentRoundTripTimeMs: rtt.value }),
      ...(localAddress ? { localAddress } : {}),
      ...(remoteAddress ? { remoteAddress } : {}),
      bytesSent: Math.max(0, num(pair.bytesSent)),
      bytesReceived: Math.max(0, num(pair.bytesReceived)),
    };
  }
  if (candidates.local.size + candidates.remote.size > 0) out.candidates = { local: [...candidates.local], remote: [...candidates.remote] };
  if (channels.channels > 0) out.dataChannels = channels;
  return out;
}

/** A candidate's address (`address`, or the older `ip`), or undefined when the browser hides it (mDNS names count). */
function addressOf(c: Stats | undefined): string | undefined {
  const address = c?.address ?? c?.ip;
  return typeof address === 'string' && address !== '' ? address.slice(0, 256) : undefined;
}
