/**
 * Server VAD on signal energy. Audio is cut into 20 ms frames; a frame is "loud" when its RMS is above the level that
 * the session's `threshold` (0..1) maps to: thresholdDbfs = -60 + 50 * threshold, so the default 0.5 is -35 dBFS.
 * The fake-mic utterances (espeak-ng, normalized to -3 dB peak) have median voiced frames near -25 dBFS and peaks near
 * -12 dBFS; silence and low noise (< -40 dBFS) stay below it. Speech starts after MIN_SPEECH_MS of loud frames and
 * stops after `silence_duration_ms` of quiet ones. Times are on the session's audio clock (ms of input appended).
 */
import { frameRms, SAMPLE_RATE_HZ } from './pcm16.ts';
import type { TurnDetection } from './session-config.ts';

export const FRAME_MS = 20;
const FRAME_SAMPLES = (SAMPLE_RATE_HZ * FRAME_MS) / 1000;
const MIN_SPEECH_MS = 60;

export interface VadSettings {
  threshold: number;
  prefixPaddingMs: number;
  silenceDurationMs: number;
}

/** The VAD settings a session's turn_detection asks for. */
export function vadSettingsFor(turnDetection: TurnDetection): VadSettings {
  return { threshold: turnDetection.threshold, prefixPaddingMs: turnDetection.prefix_padding_ms, silenceDurationMs: turnDetection.silence_duration_ms };
}

export type VadEvent =
  | { type: 'speech_started'; audioStartMs: number }
  | { type: 'speech_stopped'; audioEndMs: number; speechStartMs: number; lastLoudEndMs: number };

export function thresholdToDbfs(threshold: number): number {
  return -60 + 50 * Math.min(1, Math.max(0, threshold));
}

export class VoiceActivityDetector {
  private pending = new Int16Array(0);
  private framesSeen = 0;
  private loudRunFrames = 0;
  private quietRunFrames = 0;
  private inSpeech = false;
  private speechStartMs = 0;
  private lastLoudEndMs = 0;

  constructor(public settings: VadSettings) {}

  /** Feeds appended audio; returns the speech boundaries it crossed, in order. */
  push(samples: Int16Array): VadEvent[] {
    const events: VadEvent[] = [];
    const all = this.pending.length ? concat(this.pending, samples) : samples;
    const minRms = 10 ** (thresholdToDbfs(this.settings.threshold) / 20);
    let offset = 0;
    for (; offset + FRAME_SAMPLES <= all.length; offset += FRAME_SAMPLES) {
      const loud = frameRms(all, offset, offset + FRAME_SAMPLES) >= minRms;
      this.framesSeen += 1;
      const frameEndMs = this.framesSeen * FRAME_MS;
      this.step(loud, frameEndMs, events);
    }
    this.pending = all.slice(offset);
    return events;
  }

  /** Forget any speech in progress (after a manual commit or clear). */
  reset(): void {
    this.inSpeech = false;
    this.loudRunFrames = 0;
    this.quietRunFrames = 0;
  }

  private step(loud: boolean, frameEndMs: number, events: VadEvent[]): void {
    if (loud) {
      this.loudRunFrames += 1;
      this.quietRunFrames = 0;
      this.lastLoudEndMs = frameEndMs;
      if (!this.inSpeech && this.loudRunFrames * FRAME_MS >= MIN_SPEECH_MS) {
        this.inSpeech = true;
        this.speechStartMs = frameEndMs - this.loudRunFrames * FRAME_MS;
        events.push({ type: 'speech_started', audioStartMs: Math.max(0, this.speechStartMs - this.settings.prefixPaddingMs) });
      }
      return;
    }
    this.loudRunFrames = 0;
    this.quietRunFrames += 1;
    if (this.inSpeech && this.quietRunFrames * FRAME_MS >= this.settings.silenceDurationMs) {
      this.inSpeech = false;
      events.push({ type: 'speech_stopped', audioEndMs: frameEndMs, speechStartMs: this.speechStartMs, lastLoudEndMs: this.lastLoudEndMs });
    }
  }
}

function concat(a: Int16Array, b: Int16Array): Int16Array {
  const out = new Int16Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
