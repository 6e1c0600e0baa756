/**
 * werift settings that keep a call on loopback: its only host candidate is 127.0.0.1 (no interface scan, no IPv6, no
 * TCP, no STUN servers), and candidate pairs or STUN checks from any other address are ignored, so Chromium's checks
 * from the machine's other interfaces (outside a loopback-only namespace) get no answer. Opus only.
 */
import type { RTCPeerConnection } from 'werift';
import { useOPUS } from 'werift';

export const LOOPBACK_HOST = '127.0.0.1';

type PeerConfig = NonNullable<ConstructorParameters<typeof RTCPeerConnection>[0]>;

export function isLoopbackAddress(host: string): boolean {
  return host === LOOPBACK_HOST;
}

export function loopbackPeerConfig(): PeerConfig {
  return {
    codecs: { audio: [useOPUS()], video: [] },
    iceUseIpv4: false,
    iceUseIpv6: false,
    iceUseTcp: false,
    iceTcpPassive: false,
    iceAdditionalHostAddresses: [LOOPBACK_HOST],
    iceInterfaceAddresses: { udp4: LOOPBACK_HOST },
    iceServers: [],
    iceFilterCandidatePair: (pair) => isLoopbackAddress(pair.remoteCandidate.host) && isLoopbackAddress(pair.localCandidate.host),
    iceFilterStunResponse: (_message, addr) => isLoopbackAddress(addr[0]),
  };
}
