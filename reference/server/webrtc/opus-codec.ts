/**
 * Opus at the server's own rate (24 kHz mono, as pcm16.ts): libopus decodes and encodes at any of its rates, while
 * the RTP clock of Opus is always 48 kHz (RFC 7587), so one 20 ms frame is 480 samples here and 960 RTP ticks.
 * opusscript is libopus 1.4 compiled to WASM: no native build.
 */
import OpusScript from 'opusscript';
import { pcm16FromBytes, SAMPLE_RATE_HZ } from '../realtime/pcm16.ts';

export const OPUS_FRAME_MS = 20;
export const FRAME_SAMPLES = (SAMPLE_RATE_HZ * OPUS_FRAME_MS) / 1000;
export const RTP_TICKS_PER_FRAME = (48_000 * OPUS_FRAME_MS) / 1000;
/** Complexity 5: about 7-11 ms of CPU per second of audio (10 costs about 30 ms), speech sounds the same. */
const ENCODER_COMPLEXITY = 5;
const OPUS_SET_COMPLEXITY = 4010;

export class OpusCodec {
  private readonly decoder = new OpusScript(SAMPLE_RATE_HZ as 24000, 1, OpusScript.Application.VOIP);
  private readonly encoder = new OpusScript(SAMPLE_RATE_HZ as 24000, 1, OpusScript.Application.VOIP);

  constructor() {
    this.encoder.encoderCTL(OPUS_SET_COMPLEXITY, ENCODER_COMPLEXITY);
  }

  /** One Opus packet to mono 24 kHz samples. */
  decode(packet: Buffer): Int16Array {
    return pcm16FromBytes(this.decoder.decode(packet));
  }

  /** Exactly FRAME_SAMPLES samples to one Opus packet. */
  encode(frame: Int16Array): Buffer {
    return this.encoder.encode(Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength), FRAME_SAMPLES);
  }

  close(): void {
    this.decoder.delete();
    this.encoder.delete();
  }
}
