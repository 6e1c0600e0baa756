/**
 * Where speech begins and ends inside an utterance's samples: the first and last 10 ms frame whose RMS level is
 * above AUDIBLE_DB, the level the output tap's analysis calls audible too (analyze/edges). Recordings carry lead-in
 * and trailing silence; "the caller stopped talking" is the end of the last audible frame, not the end of the file.
 */
import { AUDIBLE_DB, OUTPUT_FRAME_MS as FRAME_MS } from '../../log/audio-levels.ts';

export function audibleBounds(samples: Int16Array, sampleRate: number): { startMs: number; endMs: number } | null {
  const frame = Math.max(1, Math.round((sampleRate * FRAME_MS) / 1000));
  const floor = 32768 * 10 ** (AUDIBLE_DB / 20);
  let first = -1;
  let last = -1;
  for (let start = 0, index = 0; start < samples.length; start += frame, index++) {
    let sum = 0;
    const end = Math.min(samples.length, start + frame);
    for (let i = start; i < end; i++) sum += samples[i]! * samples[i]!;
    if (Math.sqrt(sum / (end - start)) > floor) {
      if (first < 0) first = index;
      last = index;
    }
  }
  if (first < 0) return null;
  return { startMs: first * FRAME_MS, endMs: Math.min(((last + 1) * frame * 1000) / sampleRate, (samples.length * 1000) / sampleRate) };
}
