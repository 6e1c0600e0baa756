/**
 * Reply audio of a WebRTC call: responses push pcm16 (24 kHz) ahead of time, and every 20 ms one frame leaves as an
 * Opus RTP packet, in real time (a stalled event loop catches up at most MAX_CATCH_UP_FRAMES at once). Between replies
 * the track carries Opus silence, as a live call does, so the browser's jitter buffer never conceals a gap that is
 * only a pause. It speaks the Realtime API's WebRTC playback events: output_audio_buffer.started when a response's
 * first frame leaves, .stopped when its last one has, .cleared when a barge-in or the client drops what is queued.
 * Faults: rtp-loss drops a share of the packets, rtp-jitter holds each packet back 0..N ms at random (reordering).
 */
import { RtpHeader, RtpPacket } from 'werift';
import type { ReplyAudioOutput, ServerEvent } from '../realtime/connection-context.ts';
import { OPUS_FRAME_MS, FRAME_SAMPLES, OpusCodec, RTP_TICKS_PER_FRAME } from './opus-codec.ts';

const OPUS_PAYLOAD_TYPE = 111;
const MAX_CATCH_UP_FRAMES = 10;

export interface PacedAudioSenderOptions {
  writeRtp(packet: RtpPacket): void;
  send(event: ServerEvent): void;
  /** 0..1 share of packets dropped (rtp-loss). */
  lossShare?: number;
  /** Each packet held back a random 0..N ms (rtp-jitter). */
  jitterMs?: number;
  random: () => number;
  payloadType?: number;
}

export interface PacedAudioCounters {
  framesSent: number;
  speechFramesSent: number;
  packetsDropped: number;
}

export class PacedAudioSender implements ReplyAudioOutput {
  readonly counters: PacedAudioCounters = { framesSent: 0, speechFramesSent: 0, packetsDropped: 0 };
  private readonly codec = new OpusCodec();
  private readonly silencePacket: Buffer;
  private readonly ssrc = Math.floor(Math.random() * 2 ** 32) >>> 0;
  private sequence = Math.floor(Math.random() * 65_536);
  private timestamp = Math.floor(Math.random() * 2 ** 32) >>> 0;
  private queue: Int16Array[] = [];
  private queueOffset = 0;
  private playing: string | null = null;
  private endedResponse: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextDueMs = 0;
  private lastWasSilence = true;
  private readonly held = new Set<NodeJS.Timeout>();

  constructor(private readonly options: PacedAudioSenderOptions) {
    this.silencePacket = this.codec.encode(new Int16Array(FRAME_SAMPLES));
  }

  start(): void {
    if (this.timer) return;
    this.nextDueMs = performance.now();
    this.tick();
  }

  push(responseId: string, samples: Int16Array): void {
    if (this.playing !== responseId) {
      if (this.playing !== null) this.clear();
      this.playing = responseId;
      this.endedResponse = null;
      this.options.send({ type: 'output_audio_buffer.started', response_id: responseId });
    }
    this.queue.push(samples);
  }

  /** The response has pushed all its audio: .stopped follows once the queue has played out. */
  end(responseId: string): void {
    if (this.playing === responseId) this.endedResponse = responseId;
  }

  clear(): void {
    this.queue = [];
    this.queueOffset = 0;
    if (this.playing === null) return;
    const responseId = this.playing;
    this.playing = null;
    this.endedResponse = null;
    this.options.send({ type: 'output_audio_buffer.cleared', response_id: responseId });
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const held of this.held) clearTimeout(held);
    this.held.clear();
    this.codec.close();
  }

  private tick(): void {
    const nowMs = performance.now();
    if (nowMs - this.nextDueMs > MAX_CATCH_UP_FRAMES * OPUS_FRAME_MS) this.nextDueMs = nowMs - MAX_CATCH_UP_FRAMES * OPUS_FRAME_MS;
    while (this.nextDueMs <= nowMs) {
      this.sendFrame();
      this.nextDueMs += OPUS_FRAME_MS;
    }
    this.timer = setTimeout(() => this.tick(), Math.max(1, this.nextDueMs - performance.now()));
  }

  private sendFrame(): void {
    const frame = this.takeFrame();
    const payload = frame ? this.codec.encode(frame) : this.silencePacket;
    const header = new RtpHeader({
      payloadType: this.options.payloadType ?? OPUS_PAYLOAD_TYPE,
      sequenceNumber: this.sequence,
      timestamp: this.timestamp,
      ssrc: this.ssrc,
      marker: frame !== null && this.lastWasSilence,
    });
    this.sequence = (this.sequence + 1) & 0xffff;
    this.timestamp = (this.timestamp + RTP_TICKS_PER_FRAME) >>> 0;
    this.lastWasSilence = frame === null;
    this.counters.framesSent += 1;
    if (frame) this.counters.speechFramesSent += 1;
    if (frame === null && this.playing !== null && this.endedResponse === this.playing) {
      this.options.send({ type: 'output_audio_buffer.stopped', response_id: this.playing });
      this.playing = null;
      this.endedResponse = null;
    }
    if (this.options.lossShare && this.options.random() < this.options.lossShare) {
      this.counters.packetsDropped += 1;
      return;
    }
    const packet = new RtpPacket(header, payload);
    const holdMs = this.options.jitterMs ? this.options.random() * this.options.jitterMs : 0;
    if (holdMs < 1) return this.options.writeRtp(packet);
    const held = setTimeout(() => {
      this.held.delete(held);
      this.options.writeRtp(packet);
    }, holdMs);
    this.held.add(held);
  }

  /** The next 20 ms of queued reply audio (zero-padded at a response's end), or null when nothing is queued. */
  private takeFrame(): Int16Array | null {
    if (this.queue.length === 0) return null;
    const frame = new Int16Array(FRAME_SAMPLES);
    let filled = 0;
    while (filled < FRAME_SAMPLES && this.queue.length > 0) {
      const head = this.queue[0] as Int16Array;
      const n = Math.min(FRAME_SAMPLES - filled, head.length - this.queueOffset);
      frame.set(head.subarray(this.queueOffset, this.queueOffset + n), filled);
      filled += n;
      this.queueOffset += n;
      if (this.queueOffset >= head.length) {
        this.queue.shift();
        this.queueOffset = 0;
      }
    }
    return frame;
  }
}
