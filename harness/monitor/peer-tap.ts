/**
 * Instruments one RTCPeerConnection: each RTCDataChannel it opens (createDataChannel) or is given ('datachannel')
 * gets a SocketTap, as a WebSocket does (messages, bytes, handler times, the Realtime frame decoder), and sample()
 * reads getStats() into an `rtc` record. The channel is tapped before the app sees it, so no message is missed.
 */
import type { DataChannelSample, RtcStatsSample } from '../log/webrtc-schema.ts';
import { readRtcStats } from './rtc-stats-reader.ts';
import { SocketTap, type SocketTapContext } from './socket-tap.ts';

/** getStats() waits on the WebRTC thread; a sample that takes longer is dropped, not waited for. */
const STATS_TIMEOUT_MS = 2_000;

export interface ChannelTap {
  tap: SocketTap;
  label: string;
}

export class PeerTap {
  readonly channels: ChannelTap[] = [];
  private sampling = false;

  constructor(
    readonly pc: RTCPeerConnection,
    readonly peerId: string,
    private readonly nextChannelId: () => string,
    private readonly ctx: SocketTapContext,
  ) {
    const native = pc.createDataChannel;
    const tap = this;
    Object.defineProperty(pc, 'createDataChannel', {
      configurable: true,
      writable: true,
      value: function createDataChannel(this: RTCPeerConnection, ...args: Parameters<RTCPeerConnection['createDataChannel']>) {
        const channel = native.apply(this, args);
        tap.addChannel(channel);
        return channel;
      },
    });
    pc.addEventListener('datachannel', (event) => this.addChannel((event as RTCDataChannelEvent).channel));
  }

  get closed(): boolean {
    return this.pc.connectionState === 'closed' || this.pc.signalingState === 'closed';
  }

  channelSamples(tMs: number): DataChannelSample[] {
    const samples = this.channels.map(({ tap, label }) => tap.dataChannelSample(tMs, label, this.peerId));
    for (let i = this.channels.length - 1; i >= 0; i -= 1) if (samples[i]?.readyState === 3) this.channels.splice(i, 1);
    return samples;
  }

  /** One getStats() sample (null while the previous one is still pending, or when it fails or times out). */
  async sample(tMs: number): Promise<RtcStatsSample | null> {
    if (this.sampling) return null;
    this.sampling = true;
    try {
      const report = await Promise.race([this.pc.getStats(), new Promise<null>((resolve) => setTimeout(() => resolve(null), STATS_TIMEOUT_MS))]);
      if (!report) return null;
      return { type: 'rtc', tMs, peerId: this.peerId, connectionState: String(this.pc.connectionState).slice(0, 64), ...readRtcStats(report) };
    } catch {
      return null;
    } finally {
      this.sampling = false;
    }
  }

  private addChannel(channel: RTCDataChannel): void {
    if (this.channels.some((c) => c.tap.socket === channel)) return;
    const label = String(channel.label).slice(0, 256);
    this.channels.push({ tap: new SocketTap(channel, this.nextChannelId(), this.ctx, `datachannel:${label}`), label });
  }
}
