/**
 * Turns decoded Realtime frames into `rt` log records and keeps the per-turn state the safeguards need:
 * when each response was requested/created, whether its first audio arrived (time to first response), the gap
 * between its audio deltas, and which responses are still open. Bounded: at most MAX_OPEN responses are tracked.
 */
import type { RtEvent } from '../log/log-schema.ts';
import type { DecodedFrame, RtDialect } from './frame-decoder.ts';
import { RingBuffer } from './ring-buffer.ts';

const MAX_OPEN = 256;
const REQUESTED_KEY = '(requested)';

interface OpenResponse {
  openedMs: number;
  firstAudioMs: number | null;
  lastDeltaMs: number | null;
  socketId: string | undefined;
  /** WebRTC: the audio is on the call's track, so transcript deltas count as the reply's progress. */
  trackAudio: boolean;
}

export interface TtfrSample {
  tMs: number;
  ttfrMs: number;
}

const lastProgressMs = (response: OpenResponse): number => response.lastDeltaMs ?? response.openedMs;

export class RealtimeTracker {
  dialect: RtDialect | 'unknown' = 'unknown';
  /** Recent times to first audio (turn start = speech stopped or response requested), for graphs and adaptive limits. */
  readonly ttfr = new RingBuffer<TtfrSample>(512);
  private open = new Map<string, OpenResponse>();
  private turnStartMs: number | null = null;
  private recentlyDone: string[] = [];

  constructor(private readonly emit: (record: RtEvent) => void) {}

  /** Handles one frame; `sent` frames only count when they request a response. */
  handle(frame: DecodedFrame, tMs: number, socketId: string | undefined, sent: boolean): void {
    const base = { type: 'rt' as const, tMs, ...(socketId ? { socketId } : {}) };
    if (sent) {
      if (frame.kind !== 'response-requested') return;
      if (this.turnStartMs === null) this.turnStartMs = tMs;
      this.openResponse(REQUESTED_KEY, tMs, socketId);
      this.emit({ ...base, kind: 'response-requested' });
      return;
    }
    switch (frame.kind) {
      case 'speech-started':
        this.emit({ ...base, kind: 'speech-started', ...(frame.itemId ? { itemId: frame.itemId } : {}) });
        return;
      case 'speech-stopped':
        this.turnStartMs = tMs;
        this.emit({ ...base, kind: 'speech-stopped', ...(frame.itemId ? { itemId: frame.itemId } : {}) });
        return;
      case 'committed':
        if (this.turnStartMs === null) this.turnStartMs = tMs;
        this.emit({ ...base, kind: 'committed', ...(frame.itemId ? { itemId: frame.itemId } : {}) });
        return;
      case 'response-created': {
        const requested = this.open.get(REQUESTED_KEY);
        this.open.delete(REQUESTED_KEY);
        this.openResponse(frame.responseId, requested ? requested.openedMs : tMs, socketId);
        this.emit({ ...base, kind: 'response-created', responseId: frame.responseId });
        return;
      }
      case 'audio-delta':
        this.audioDelta(frame.responseId, frame.bytes, frame.dialect, tMs, socketId);
        return;
      case 'audio-started':
        this.trackAudioStarted(frame.responseId, tMs, socketId);
        return;
      case 'transcript-delta': {
        const response = this.open.get(frame.responseId);
        if (response?.trackAudio) response.lastDeltaMs = tMs;
        return;
      }
      case 'response-done':
        this.open.delete(frame.responseId);
        this.recentlyDone.push(frame.responseId);
        if (this.recentlyDone.length > 32) this.recentlyDone.shift();
        this.emit({ ...base, kind: 'response-done', responseId: frame.responseId, status: frame.status });
        return;
      case 'protocol-error':
        this.emit({
          ...base,
          kind: 'protocol-error',
          ...(frame.code ? { code: frame.code } : {}),
          ...(frame.errorType ? { errorType: frame.errorType } : {}),
          message: frame.message,
        });
        return;
      default:
        return;
    }
  }

  /**
   * Responses that made no progress for longer than timeoutMs at tMs (oldest first): no first audio within the limit
   * of being requested/created, or no audio delta within the limit of the previous one, and no response.done.
   * A long reply that keeps streaming is never overdue; a stalled one is. Each is forgotten once returned.
   */
  takeOverdue(tMs: number, timeoutMs: number): { responseId: string | undefined; openForMs: number; idleForMs: number }[] {
    const overdue: { responseId: string | undefined; openForMs: number; idleForMs: number }[] = [];
    for (const [key, response] of this.open) {
      const idleForMs = tMs - lastProgressMs(response);
      if (idleForMs <= timeoutMs) continue;
      overdue.push({ responseId: key === REQUESTED_KEY ? undefined : key, openForMs: tMs - response.openedMs, idleForMs });
      this.open.delete(key);
    }
    return overdue;
  }

  /** Earliest time at which an open response would become overdue, or null. */
  nextDeadlineMs(timeoutMs: number): number | null {
    let earliest: number | null = null;
    for (const response of this.open.values()) {
      const due = lastProgressMs(response) + timeoutMs;
      if (earliest === null || due < earliest) earliest = due;
    }
    return earliest;
  }

  openResponseCount(): number {
    return this.open.size;
  }

  clear(): void {
    this.open.clear();
    this.ttfr.clear();
    this.turnStartMs = null;
    this.recentlyDone = [];
  }

  private openResponse(key: string, openedMs: number, socketId: string | undefined): void {
    if (this.open.size >= MAX_OPEN) this.open.delete(this.open.keys().next().value as string);
    this.open.set(key, { openedMs, firstAudioMs: null, lastDeltaMs: null, socketId, trackAudio: false });
  }

  /** WebRTC: the first audio of a response is output_audio_buffer.started (its audio is on the track, not in events). */
  private trackAudioStarted(responseId: string, tMs: number, socketId: string | undefined): void {
    if (this.recentlyDone.includes(responseId)) return;
    if (!this.open.has(responseId)) this.openResponse(responseId, tMs, socketId);
    const response = this.open.get(responseId)!;
    response.trackAudio = true;
    response.lastDeltaMs = tMs;
    if (response.firstAudioMs !== null) return;
    response.firstAudioMs = tMs;
    this.emit({ type: 'rt', tMs, ...(socketId ? { socketId } : {}), kind: 'first-audio', responseId });
    const startMs = this.turnStartMs ?? response.openedMs;
    this.ttfr.push({ tMs, ttfrMs: Math.max(0, tMs - startMs) });
    this.turnStartMs = null;
  }

  private audioDelta(responseId: string, bytes: number, dialect: RtDialect, tMs: number, socketId: string | undefined): void {
    this.dialect = dialect;
    const base = { type: 'rt' as const, tMs, ...(socketId ? { socketId } : {}) };
    let response = this.open.get(responseId);
    if (!response && this.recentlyDone.includes(responseId)) {
      this.emit({ ...base, kind: 'audio-delta', responseId, bytes });
      return;
    }
    if (!response) {
      // Audio for a response we never saw created (late install, look-alike servers): track it from here.
      this.openResponse(responseId, tMs, socketId);
      response = this.open.get(responseId)!;
    }
    if (response.firstAudioMs === null) {
      response.firstAudioMs = tMs;
      this.emit({ ...base, kind: 'first-audio', responseId });
      const startMs = this.turnStartMs ?? response.openedMs;
      this.ttfr.push({ tMs, ttfrMs: Math.max(0, tMs - startMs) });
      this.turnStartMs = null;
    }
    const gapMs = response.lastDeltaMs === null ? undefined : Math.max(0, tMs - response.lastDeltaMs);
    response.lastDeltaMs = tMs;
    this.emit({ ...base, kind: 'audio-delta', responseId, bytes, ...(gapMs === undefined ? {} : { gapMs }) });
  }
}
