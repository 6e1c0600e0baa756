/**
 * Device mode lays the whole conversation out in advance (Chromium plays one WAV from capture start; the harness
 * cannot react to the app): each turn's utterance starts at a fixed offset, replies get the script's assumedReplyMs,
 * barge-ins their first-audio estimate + bargeInAfterMs. A reconnect cannot be followed (a new capture restarts the
 * file), so it is only marked. LEAD_IN_MS of silence lets the app's capture settle first.
 */
import type { MicScript } from './mic-script.ts';
import { estimateEntryMs } from './estimate-entry-ms.ts';
import { pickUtterance } from './pick-utterance.ts';
import type { UtteranceCatalog } from './utterance-catalog.ts';

export const LEAD_IN_MS = 1_000;

export interface PlannedUtterance {
  turn: number;
  utteranceId: string;
  startMs: number;
  endMs: number;
}

export interface MicTimelinePlan {
  utterances: PlannedUtterance[];
  totalMs: number;
}

export function planMicTimeline(script: MicScript, catalog: UtteranceCatalog): MicTimelinePlan {
  const utteranceMs = (id: string) => pickUtterance(catalog, id).durationMs;
  const utterances: PlannedUtterance[] = [];
  let atMs = LEAD_IN_MS;
  let turn = 0;
  for (const entry of script.entries) {
    if (entry.kind === 'turn') {
      turn++;
      const startMs = atMs + (entry.silenceBeforeMs ?? 0);
      const utterance = pickUtterance(catalog, entry.utterance);
      utterances.push({ turn, utteranceId: utterance.id, startMs, endMs: startMs + utterance.durationMs });
    }
    atMs += estimateEntryMs(entry, script, utteranceMs);
  }
  return { utterances, totalMs: Math.ceil(atMs) };
}
