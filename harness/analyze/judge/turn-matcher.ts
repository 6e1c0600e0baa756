/**
 * Time to first response per turn: first reply audio minus the turn's start (the earliest speech-stopped,
 * committed or response-requested since the previous response was created), matched to responses by id and
 * time order. Only responses that produced audio count. Also tracks responses that never answered in time.
 */
import type { RtEvent } from '../../log/log-schema.ts';

export interface TurnTiming {
  /** Turn start (user stopped speaking / committed / requested), ms. */
  startMs: number;
  ttfrMs: number;
  responseId: string;
}

interface OpenResponse {
  startMs: number;
  firstAudioMs: number | null;
  firstDeltaMs: number | null;
  lastDeltaMs: number | null;
}

export interface TurnMatcher {
  add(event: RtEvent): void;
  /** Turns with a time to first response, in order of first audio. */
  readonly turns: TurnTiming[];
  /** Total duration of reply audio (first to last delta of each response), ms. */
  replyAudioMs(): number;
  /** Responses that got no audio and no response-done within timeoutMs of their start (as of endMs). */
  unanswered(endMs: number, timeoutMs: number): Array<{ responseId: string; startMs: number }>;
}

export function createTurnMatcher(): TurnMatcher {
  const turns: TurnTiming[] = [];
  const responses = new Map<string, OpenResponse>();
  let pendingStartMs: number | null = null;
  let finishedReplyAudioMs = 0;

  const responseFor = (id: string, tMs: number): OpenResponse => {
    let r = responses.get(id);
    if (!r) {
      r = { startMs: pendingStartMs ?? tMs, firstAudioMs: null, firstDeltaMs: null, lastDeltaMs: null };
      pendingStartMs = null;
      responses.set(id, r);
    }
    return r;
  };

  return {
    turns,
    add(event) {
      switch (event.kind) {
        case 'speech-stopped':
        case 'committed':
        case 'response-requested':
          if (pendingStartMs === null) pendingStartMs = event.tMs;
          break;
        case 'response-created':
          responseFor(event.responseId, event.tMs);
          break;
        case 'first-audio': {
          const r = responseFor(event.responseId, event.tMs);
          if (r.firstAudioMs === null) {
            r.firstAudioMs = event.tMs;
            turns.push({ startMs: r.startMs, ttfrMs: Math.max(0, event.tMs - r.startMs), responseId: event.responseId });
          }
          break;
        }
        case 'audio-delta': {
          const r = responseFor(event.responseId, event.tMs);
          if (r.firstDeltaMs === null) r.firstDeltaMs = event.tMs;
          r.lastDeltaMs = event.tMs;
          break;
        }
        case 'response-done': {
          const r = responseFor(event.responseId, event.tMs);
          // Finished responses are folded into totals and forgotten, so an 8-hour run keeps a small map.
          if (r.firstDeltaMs !== null && r.lastDeltaMs !== null) finishedReplyAudioMs += r.lastDeltaMs - r.firstDeltaMs;
          responses.delete(event.responseId);
          break;
        }
        default:
          break;
      }
    },
    replyAudioMs() {
      let open = 0;
      for (const r of responses.values()) if (r.firstDeltaMs !== null && r.lastDeltaMs !== null) open += r.lastDeltaMs - r.firstDeltaMs;
      return finishedReplyAudioMs + open;
    },
    unanswered(endMs, timeoutMs) {
      const late: Array<{ responseId: string; startMs: number }> = [];
      for (const [responseId, r] of responses) {
        if (r.firstAudioMs === null && endMs - r.startMs > timeoutMs) late.push({ responseId, startMs: r.startMs });
      }
      return late;
    },
  };
}
