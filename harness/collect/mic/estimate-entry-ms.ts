/**
 * How long one script entry is expected to take, ms: silence before + utterance + (reply | gap | barge-in delay).
 * Only for scaling and the device-mode layout; the controllable mic reacts to the real app instead.
 */
import type { MicScript, MicScriptEntry } from './mic-script.ts';

export const ASSUMED_UTTERANCE_MS = 2_500;
export const ASSUMED_FIRST_AUDIO_MS = 1_000;

export type UtteranceMsOf = (utteranceId: string) => number;

export function estimateEntryMs(
  entry: MicScriptEntry,
  script: Pick<MicScript, 'assumedReplyMs'>,
  utteranceMs: UtteranceMsOf = () => ASSUMED_UTTERANCE_MS,
): number {
  if (entry.kind === 'long-silence') return entry.durationMs;
  const spoken = (entry.silenceBeforeMs ?? 0) + utteranceMs(entry.utterance);
  if (entry.bargeInAfterMs !== undefined) return spoken + ASSUMED_FIRST_AUDIO_MS + entry.bargeInAfterMs;
  return spoken + (entry.then === 'wait-reply' ? script.assumedReplyMs : entry.then.gapMs);
}
