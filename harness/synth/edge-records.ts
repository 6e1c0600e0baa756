/**
 * The audio edges of one synthetic turn: the fake mic's speech (a mic record) and what the output tap hears of the
 * reply (audio-out records: words of 150-600 ms at -20 dBFS, pauses of 60-200 ms between words and 400-580 ms
 * between sentences, digital silence around). The caller stops talking VAD_SILENCE_MS before the server's
 * speech-stopped; the reply is heard PLAYBACK_LEAD_MS after its first audio delta (plus the slow-playback-start
 * fault). Its own random stream (seeded per turn), so the rest of a synthetic log is the same with or without it.
 */
import { OUTPUT_FRAME_MS } from '../log/audio-levels.ts';
import type { LogRecord } from '../log/log-schema.ts';
import { mixSeeds, seededRandom } from './seeded-random.ts';

export const VAD_SILENCE_MS = 500;
export const PLAYBACK_LEAD_MS = 60;
const FRAMES_PER_RECORD = 50;

export interface EdgePlan {
  seed: number;
  turn: number;
  speech: [number, number];
  /** First audio delta and last delta of the reply (protocol times). */
  reply: [number, number];
  /** Extra ms before the reply is heard (slow-playback-start). */
  playbackDelayMs?: number;
}

export function edgeRecords(plan: EdgePlan): LogRecord[] {
  const random = seededRandom(mixSeeds(plan.seed, 0xed9e, plan.turn));
  const speechEndMs = plan.speech[1] - VAD_SILENCE_MS;
  const records: LogRecord[] = [
    {
      type: 'mic',
      tMs: plan.speech[0] - 250,
      endMs: speechEndMs,
      turn: plan.turn,
      utterance: `u${String((plan.turn % 20) + 1).padStart(2, '0')}`,
      precise: true,
    },
  ];
  const heardFromMs = plan.reply[0] + PLAYBACK_LEAD_MS + (plan.playbackDelayMs ?? 0);
  const heardToMs = plan.reply[1] + PLAYBACK_LEAD_MS + (plan.playbackDelayMs ?? 0) + 200;
  const levels: number[] = [];
  let audible = true;
  let left = Math.round(random.uniform(150, 600) / OUTPUT_FRAME_MS);
  const frames = Math.ceil((heardToMs - heardFromMs) / OUTPUT_FRAME_MS);
  for (let i = 0; i < frames; i++) {
    if (left <= 0) {
      audible = !audible;
      const ms = audible ? random.uniform(150, 600) : random() < 0.2 ? random.uniform(400, 580) : random.uniform(60, 200);
      left = Math.max(1, Math.round(ms / OUTPUT_FRAME_MS));
    }
    levels.push(audible && i < frames - 20 ? Math.round(-20 + random.normal(0, 3)) : -100);
    left--;
  }
  for (let i = 0; i < levels.length; i += FRAMES_PER_RECORD)
    records.push({
      type: 'monitor',
      kind: 'audio-out',
      tMs: heardFromMs + i * OUTPUT_FRAME_MS,
      source: 'webaudio',
      sourceId: 'ctx-1',
      frameMs: OUTPUT_FRAME_MS,
      levelsDb: levels.slice(i, i + FRAMES_PER_RECORD).map((l) => Math.max(-100, Math.min(0, l))),
    });
  return records;
}
