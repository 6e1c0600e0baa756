/**
 * One conversation turn as one Playwright step, `turn 3: what's the weather like`, so the HTML report's steps
 * and Allure's steps (allure-playwright maps test.step to an Allure step) show the conversation turn by turn.
 * The conversation runner wraps each turn's body in it.
 */
import { test } from '@playwright/test';

const MAX_UTTERANCE_CHARS = 80;

export function turnStepTitle(turn: number, utterance: string): string {
  const oneLine = utterance.replace(/\s+/g, ' ').trim();
  const clipped = oneLine.length > MAX_UTTERANCE_CHARS ? `${oneLine.slice(0, MAX_UTTERANCE_CHARS - 1)}\u2026` : oneLine;
  return `turn ${turn}: ${clipped}`;
}

export function turnStep<T>(turn: number, utterance: string, body: () => Promise<T>): Promise<T> {
  return test.step(turnStepTitle(turn, utterance), body);
}
