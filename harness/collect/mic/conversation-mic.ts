/** What the conversation runner needs from a fake microphone (controllable or device). */
import type { Page } from '@playwright/test';

export interface ConversationMic {
  readonly mode: 'controllable' | 'device';
  /** Set up the page before navigation (init scripts). */
  install(page: Page): Promise<void>;
  /** Speak one utterance for turn `turn`; resolves when it has played into the stream. */
  say(page: Page, utteranceId: string, turn: number): Promise<{ durationMs: number }>;
  /** Keep the mic silent for durationMs (cuts any utterance still playing). */
  silence(page: Page, durationMs: number): Promise<void>;
}
