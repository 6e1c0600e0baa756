/** What the conversation runner needs from a fake microphone (controllable or device). */
import type { Page } from '@playwright/test';

export interface ConversationMic {
  readonly mode: 'controllable' | 'device';
  /** Set up the page before navigation (init scripts). */
  install(page: Page): Promise<void>;
  /**
   * Speak one utterance for turn `turn`; resolves when it has played into the stream, with when its speech began and
   * ended (first and last audible frame) as epoch ms: precise when the page timed it, else the device plan's times.
   */
  say(page: Page, utteranceId: string, turn: number): Promise<{ durationMs: number; speech: SpokenSpeech | null }>;
  /** Keep the mic silent for durationMs (cuts any utterance still playing). */
  silence(page: Page, durationMs: number): Promise<void>;
}

/** When an utterance's speech was audible in the mic stream (epoch ms). */
export interface SpokenSpeech {
  utterance: string;
  startEpochMs: number;
  endEpochMs: number;
  precise: boolean;
}
