/**
 * The WebRTC transport, as the Realtime API's WebRTC guide describes it: an RTCPeerConnection with the microphone
 * track, remote audio played by an <audio> element, and the `oai-events` data channel for events. The SDP offer is
 * POSTed to the call endpoint (`application/sdp`, `Authorization: Bearer <key>` when a key is configured) with
 * `voice_soak_faults` in its query, like the socket URL's. The handle looks like a WebSocket to VoiceApp (readyState,
 * send, close, onopen/onmessage/onerror/onclose), so the rest of the app is the same for both transports. Once the
 * server has answered a call URL that names server faults, the app marks them applied (a socket URL is the evidence
 * on a WebSocket; a call's POST is no socket the monitor sees).
 */
import { faultCatalog, formatFaultSpec, parseFaultSpec } from '../../faults/fault-spec.ts';
import type { AppConfig } from './app-config.ts';
import { monitor } from './monitor-bridge.ts';
import type { RealtimeLink } from './realtime-socket.ts';

const EVENTS_CHANNEL_LABEL = 'oai-events';

const readyStates: Record<RTCDataChannelState, number> = { connecting: 0, open: 1, closing: 2, closed: 3 };

export function realtimeCallUrl(config: Pick<AppConfig, 'callsUrl' | 'faults'>): string {
  const url = new URL(config.callsUrl);
  if (config.faults) url.searchParams.set('voice_soak_faults', config.faults);
  return url.toString();
}

export class RealtimeCall implements RealtimeLink {
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  private readonly pc = new RTCPeerConnection();
  private readonly channel: RTCDataChannel;
  private closed = false;

  constructor(config: AppConfig, mic: MediaStream, player: HTMLAudioElement) {
    for (const track of mic.getAudioTracks()) this.pc.addTrack(track, mic);
    this.pc.ontrack = (event) => {
      player.srcObject = event.streams[0] ?? new MediaStream([event.track]);
      void player.play().catch(() => {});
    };
    this.channel = this.pc.createDataChannel(EVENTS_CHANNEL_LABEL);
    this.channel.onopen = (event) => this.onopen?.(event);
    this.channel.onmessage = (event) => this.onmessage?.(event);
    this.channel.onclose = () => this.end(1006, 'data channel closed');
    this.pc.onconnectionstatechange = () => {
      if (this.pc.connectionState === 'failed') this.end(1006, 'peer connection failed');
    };
    void this.negotiate(config);
  }

  get readyState(): number {
    return this.closed ? 3 : readyStates[this.channel.readyState];
  }

  send(data: string): void {
    this.channel.send(data);
  }

  close(_code?: number, _reason?: string): void {
    this.closed = true;
    this.channel.close();
    this.pc.close();
  }

  private async negotiate(config: AppConfig): Promise<void> {
    try {
      await this.pc.setLocalDescription(await this.pc.createOffer());
      const headers: Record<string, string> = { 'content-type': 'application/sdp' };
      if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`;
      const response = await fetch(realtimeCallUrl(config), { method: 'POST', body: this.pc.localDescription?.sdp ?? '', headers });
      const body = await response.text();
      if (!response.ok) throw new Error(`call endpoint answered ${response.status}: ${body.slice(0, 200)}`);
      markServerFaults(config.faults);
      if (this.closed) return;
      await this.pc.setRemoteDescription({ type: 'answer', sdp: body });
    } catch (error) {
      this.onerror?.(new ErrorEvent('error', { message: error instanceof Error ? error.message : String(error) }));
      this.end(1006, error instanceof Error ? error.message : String(error));
    }
  }

  private end(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.pc.close();
    this.onclose?.(new CloseEvent('close', { code, reason, wasClean: false }));
  }
}

/** Each server-side fault of the spec the call URL carried, as the monitor's fault-applied mark. */
function markServerFaults(spec: string): void {
  if (!spec) return;
  const faults = parseFaultSpec(spec);
  for (const { key, side } of faultCatalog) if (side === 'server' && faults[key] !== undefined) monitor.faultApplied(formatFaultSpec({ [key]: faults[key] }));
}
