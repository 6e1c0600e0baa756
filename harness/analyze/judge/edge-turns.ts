/**
 * What the caller hears, turn by turn, from the two audio edges voice-soak owns: the fake mic's speech (mic records,
 * harness clock) and the page's audible output (output-runs.ts). Protocol-free: nothing here reads a Realtime event.
 * For each utterance (speech from s to e, the next utterance starting at n):
 *  - barge-in: reply audio was audible when the caller started (a run covers s); overlapMs runs from s to the end of
 *    that audio (its runs chained while the silences are shorter than gapMs and they start before e);
 *  - echo: a run that starts while the caller speaks (s .. e + ECHO_LAG_MS) and ends by e + ECHO_TAIL_MS is the
 *    caller's own voice played back, never a reply;
 *  - mouth-to-ear: e to the first audible frame after e that is neither echo nor the barge-in's tail;
 *  - reply: from that frame to the end of the last run starting before n; gaps are its silences of at least gapMs.
 */
import type { AudibleRun } from './output-runs.ts';

export const ECHO_LAG_MS = 300;
export const ECHO_TAIL_MS = 600;

export interface SpokenTurn {
  turn: number | undefined;
  startMs: number;
  endMs: number;
}

export interface EdgeTurn {
  turn: number | undefined;
  speechStartMs: number;
  speechEndMs: number;
  /** Speech end to the first audible reply frame; null when nothing was heard before the next utterance. */
  mouthToEarMs: number | null;
  replyStartMs: number | null;
  replyMs: number | null;
  /** Silences of at least gapMs inside the reply, ms each. */
  gapsMs: number[];
  /** Audible ms classed as echo of the caller's own voice. */
  echoMs: number;
  /** The caller started over reply audio: how long it stayed audible after they began. */
  bargeInOverlapMs: number | null;
}

export function edgeTurns(speech: readonly SpokenTurn[], runs: readonly AudibleRun[], gapMs: number, endOfRunMs: number): EdgeTurn[] {
  const spoken = [...speech].sort((a, b) => a.startMs - b.startMs);
  const out: EdgeTurn[] = [];
  let k = 0; // first run that may still matter
  spoken.forEach((said, i) => {
    const s = said.startMs;
    const e = said.endMs;
    const next = spoken[i + 1]?.startMs ?? endOfRunMs;
    while (k < runs.length && runs[k]!.endMs <= s) k++;
    let j = k;
    let bargeInOverlapMs: number | null = null;
    if (j < runs.length && runs[j]!.startMs < s && runs[j]!.endMs > s) {
      let end = runs[j]!.endMs;
      j++;
      while (j < runs.length && runs[j]!.startMs < e && runs[j]!.startMs - end < gapMs) end = Math.max(end, runs[j++]!.endMs);
      bargeInOverlapMs = end - s;
    }
    let echoMs = 0;
    let onset = -1;
    for (; j < runs.length && runs[j]!.startMs < next; j++) {
      const run = runs[j]!;
      if (run.startMs <= e + ECHO_LAG_MS && run.endMs <= e + ECHO_TAIL_MS) {
        echoMs += run.endMs - run.startMs;
        continue;
      }
      if (run.startMs < e) {
        // Audio that began while the caller spoke and goes on past the echo window: echo running into a reply, or
        // an app answering before the caller finished. The reply is heard from the caller's end of speech.
        echoMs += e - run.startMs;
      }
      onset = j;
      break;
    }
    if (onset < 0) {
      out.push({
        turn: said.turn,
        speechStartMs: s,
        speechEndMs: e,
        mouthToEarMs: null,
        replyStartMs: null,
        replyMs: null,
        gapsMs: [],
        echoMs,
        bargeInOverlapMs,
      });
      return;
    }
    const replyStartMs = Math.max(e, runs[onset]!.startMs);
    let replyEndMs = runs[onset]!.endMs;
    const gapsMs: number[] = [];
    for (let m = onset + 1; m < runs.length && runs[m]!.startMs < next; m++) {
      const silence = runs[m]!.startMs - replyEndMs;
      if (silence >= gapMs) gapsMs.push(silence);
      replyEndMs = Math.max(replyEndMs, runs[m]!.endMs);
    }
    replyEndMs = Math.min(replyEndMs, next);
    out.push({
      turn: said.turn,
      speechStartMs: s,
      speechEndMs: e,
      mouthToEarMs: replyStartMs - e,
      replyStartMs,
      replyMs: replyEndMs - replyStartMs,
      gapsMs,
      echoMs,
      bargeInOverlapMs,
    });
  });
  return out;
}
