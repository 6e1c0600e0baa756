/**
 * The audio edges of a run, judged once at finish: per-turn edge timings (edge-turns.ts) beside the protocol's
 * TTFR for the same utterance, and which measures the log made available. protocol 'none' (SOAK_PROTOCOL=none in
 * the header's meta, or no Realtime event decoded while the output tap heard the page) means the run is judged on
 * the audio edges, memory, DOM and socket counters alone: checks that need Realtime events stand aside.
 */
import type { CollectedData } from './collected-data.ts';
import { edgeTurns, type EdgeTurn } from './edge-turns.ts';
import type { TurnTiming } from './turn-matcher.ts';

export interface EdgeTurnWithTtfr extends EdgeTurn {
  /** The protocol's time to first response for this utterance (speech-stopped to first audio delta), when decoded. */
  ttfrMs: number | null;
}

export interface EdgeAnalysis {
  /** The fake mic timed its speech (mic records). */
  spoke: boolean;
  /** The output tap wrote frames (audio-out records). */
  tapped: boolean;
  /** Audible output anywhere in the run. */
  heard: boolean;
  protocol: 'realtime' | 'none';
  /** Why protocol is 'none': 'configured' (SOAK_PROTOCOL=none) or 'no realtime events'. */
  protocolReason: string | null;
  turns: EdgeTurnWithTtfr[];
  /** Mouth-to-ear per answered turn, in turn order: [speech end ms, latency ms]. */
  mouthToEar: Array<[number, number]>;
  replyAudioMs: number;
}

export function analyzeEdges(data: CollectedData, turns: readonly TurnTiming[]): EdgeAnalysis {
  const output = data.edges.output;
  const runs = output.runs();
  const edge = edgeTurns(data.edges.speech, runs, data.thresholds.playbackGapMs, data.lastTMs);
  const sorted = [...data.edges.speech].sort((a, b) => a.startMs - b.startMs);
  const withTtfr = edge.map((t, i): EdgeTurnWithTtfr => {
    const until = sorted[i + 1]?.startMs ?? Number.POSITIVE_INFINITY;
    const match = turns.find((x) => x.startMs >= t.speechStartMs && x.startMs < until);
    return { ...t, ttfrMs: match ? match.ttfrMs : null };
  });
  const configured = data.header.meta?.protocol === 'none';
  const noRealtime = !configured && (data.recordCounts.rt ?? 0) === 0 && output.records > 0;
  return {
    spoke: data.edges.speech.length > 0,
    tapped: output.records > 0,
    heard: runs.length > 0,
    protocol: configured || noRealtime ? 'none' : 'realtime',
    protocolReason: configured ? 'configured (SOAK_PROTOCOL=none)' : noRealtime ? 'no Realtime events decoded' : null,
    turns: withTtfr,
    mouthToEar: withTtfr.flatMap((t) => (t.mouthToEarMs === null ? [] : [[t.speechEndMs, t.mouthToEarMs] as [number, number]])),
    replyAudioMs: withTtfr.reduce((sum, t) => sum + (t.replyMs ?? 0), 0),
  };
}
