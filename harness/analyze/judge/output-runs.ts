/**
 * The output tap's `audio-out` frames folded into audible runs as they stream in: per source, consecutive audible
 * frames (level above AUDIBLE_DB) joined while the silence between them is at most JOIN_MS; at the end, the runs of
 * every source are merged into one timeline (what the caller hears is the sum). Also a coarse envelope (the loudest
 * frame per ENVELOPE_MS bucket) for the timeline strip of a turn. Memory: two numbers per run plus one per bucket
 * (an 8-hour run: about 580k buckets), never the frames.
 */
import { AUDIBLE_DB } from '../../log/audio-levels.ts';
import type { MonitorRecord } from '../../log/log-schema.ts';

/** Silences up to this long inside a run do not split it (a zero crossing, a 10 ms scheduling seam). */
export const JOIN_MS = 20;
export const ENVELOPE_MS = 50;
const SILENCE_DB = -100;

export interface AudibleRun {
  startMs: number;
  endMs: number;
}

interface SourceState {
  run: AudibleRun | null;
}

export interface OutputRuns {
  add(record: Extract<MonitorRecord, { kind: 'audio-out' }>): void;
  /** Every source's runs merged into one sorted timeline. */
  runs(): AudibleRun[];
  /** Loudest level per ENVELOPE_MS bucket between fromMs and toMs (SILENCE_DB where nothing was measured). */
  envelope(fromMs: number, toMs: number): Array<[number, number]>;
  readonly records: number;
  readonly measuredMs: number;
  readonly audibleMs: number;
  readonly sources: Set<string>;
}

export function createOutputRuns(): OutputRuns {
  const states = new Map<string, SourceState>();
  const closed: AudibleRun[] = [];
  const buckets: number[] = [];
  const sources = new Set<string>();
  let records = 0;
  let measuredMs = 0;
  let audibleMs = 0;
  const close = (state: SourceState) => {
    if (state.run) closed.push(state.run);
    state.run = null;
  };
  return {
    get records() {
      return records;
    },
    get measuredMs() {
      return measuredMs;
    },
    get audibleMs() {
      return audibleMs;
    },
    sources,
    add(record) {
      records++;
      const key = `${record.source}\u0000${record.sourceId}`;
      sources.add(`${record.source}:${record.sourceId}`);
      let state = states.get(key);
      if (!state) {
        state = { run: null };
        states.set(key, state);
      }
      const frameMs = record.frameMs;
      record.levelsDb.forEach((level, i) => {
        const t = record.tMs + i * frameMs;
        measuredMs += frameMs;
        const bucket = Math.floor(t / ENVELOPE_MS);
        if (bucket >= 0 && bucket < 2_000_000) {
          for (let b = buckets.length; b <= bucket; b++) buckets.push(SILENCE_DB);
          if (level > buckets[bucket]!) buckets[bucket] = level;
        }
        if (level <= AUDIBLE_DB) return;
        audibleMs += frameMs;
        const run = state.run;
        if (run && t - run.endMs <= JOIN_MS && t >= run.startMs) run.endMs = Math.max(run.endMs, t + frameMs);
        else {
          close(state);
          state.run = { startMs: t, endMs: t + frameMs };
        }
      });
    },
    runs() {
      const all = [...closed, ...[...states.values()].flatMap((s) => (s.run ? [s.run] : []))].sort((a, b) => a.startMs - b.startMs);
      const merged: AudibleRun[] = [];
      for (const run of all) {
        const last = merged.at(-1);
        if (last && run.startMs - last.endMs <= JOIN_MS) last.endMs = Math.max(last.endMs, run.endMs);
        else merged.push({ ...run });
      }
      return merged;
    },
    envelope(fromMs, toMs) {
      const out: Array<[number, number]> = [];
      for (let b = Math.max(0, Math.floor(fromMs / ENVELOPE_MS)); b * ENVELOPE_MS <= toMs; b++) out.push([b * ENVELOPE_MS, buckets[b] ?? SILENCE_DB]);
      return out;
    },
  };
}
