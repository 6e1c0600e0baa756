/**
 * The seed's automatic safeguards, each writing a `safeguard` record (and console.warn):
 *  - audio-chunk-cleanup: pending chunks above the limit -> the app's cleanupAudioChunks() (again at most once a
 *    second while still above); still above BACKLOG_ESCALATION_MS after the episode's first cleanup (cleanup did
 *    not help) -> the app's interruptResponse('audio-backlog') and an `interruption` record, once per episode
 *    (re-armed when pending falls back to the limit);
 *  - response-timeout: no progress (first audio, next audio delta or response.done) within the limit -> the app's interruptResponse('response-timeout') and an
 *    `interruption` record;
 *  - event-processing-timeout: a handler over the limit, or a message whose handlers are still running (in flight)
 *    that long after it arrived -> a detailed state dump;
 *  - memory-warning: heap above the limit -> current usage (re-armed when it falls below 90% of the limit).
 */
import type { MonitorRecord } from '../log/log-schema.ts';
import type { SafeguardLimits } from './safeguard-limits.ts';
import type { AppHooks } from './monitor-options.ts';
import { jsonSafe, safeCall } from './state-dump.ts';

type SafeguardName = Extract<MonitorRecord, { kind: 'safeguard' }>['name'];

export interface SafeguardContext {
  emit(record: MonitorRecord): void;
  hooks(): Partial<AppHooks>;
  limits(): SafeguardLimits;
  /** Sockets (with their handlers in flight), open responses and recent events, for dumps. */
  monitorState(): Record<string, unknown>;
  warn(message: string): void;
}

const MB = 1024 * 1024;
/** How long pending chunks may stay above the limit after the first cleanup before the response is interrupted. */
export const BACKLOG_ESCALATION_MS = 2_000;

export class Safeguards {
  private chunksAbove = false;
  private lastCleanupMs = -Infinity;
  /** tMs of this episode's first cleanup (an episode: pending above the limit until it falls back). */
  private firstCleanupMs = -Infinity;
  private backlogEscalated = false;
  private heapArmed = true;

  constructor(private readonly ctx: SafeguardContext) {}

  pendingChunks(tMs: number, pending: number): void {
    const limit = this.ctx.limits().maxPendingAudioChunks;
    if (pending <= limit) {
      this.chunksAbove = false;
      this.backlogEscalated = false;
      return;
    }
    if (this.chunksAbove && !this.backlogEscalated && tMs - this.firstCleanupMs >= BACKLOG_ESCALATION_MS) this.escalateBacklog(tMs, pending, limit);
    if (this.chunksAbove && tMs - this.lastCleanupMs < 1000) return;
    if (!this.chunksAbove) this.firstCleanupMs = tMs;
    this.chunksAbove = true;
    this.lastCleanupMs = tMs;
    const cleaned = safeCall(this.ctx.hooks().cleanupAudioChunks);
    const outcome = cleaned.error ? `cleanupAudioChunks failed: ${cleaned.error}` : `cleanupAudioChunks() removed ${cleaned.value}`;
    this.fire(tMs, 'audio-chunk-cleanup', `audio-chunk-cleanup: ${pending} pending chunks > ${limit}; ${outcome}`, {
      pendingChunks: pending,
      limit,
      cleaned: typeof cleaned.value === 'number' ? cleaned.value : null,
    });
  }

  responseTimeout(tMs: number, responseId: string | undefined, openForMs: number, idleForMs: number = openForMs): void {
    const limit = this.ctx.limits().responseTimeoutMs;
    const outcome = this.interrupt(tMs, 'response-timeout', responseId);
    this.fire(
      tMs,
      'response-timeout',
      `response-timeout: response ${responseId ?? '(requested, never created)'} made no progress for ${Math.round(idleForMs)} ms > ${Math.round(limit)} ms (no first audio or next audio delta, no response.done; open ${Math.round(openForMs)} ms); ${outcome}`,
      {
        responseId: responseId ?? null,
        openForMs,
        idleForMs,
        limitMs: limit,
      },
    );
  }

  /** Cleanup did not help: interrupt the response that keeps filling the queue (recorded before the hook runs). */
  private escalateBacklog(tMs: number, pending: number, limit: number): void {
    this.backlogEscalated = true;
    const outcome = this.interrupt(tMs, 'audio-backlog');
    const aboveForMs = tMs - this.firstCleanupMs;
    this.fire(
      tMs,
      'audio-chunk-cleanup',
      `audio-chunk-cleanup: ${pending} pending chunks still > ${limit} ${Math.round(aboveForMs)} ms after the first cleanup; escalated to an interruption: ${outcome}`,
      {
        pendingChunks: pending,
        limit,
        aboveForMs,
        escalated: true,
      },
    );
  }

  /** 'handler': one handler call ran elapsedMs; 'in-flight': a message's handlers are still running elapsedMs after it arrived. */
  slowEvent(tMs: number, what: 'handler' | 'in-flight', elapsedMs: number, eventType: string | undefined): void {
    const limit = this.ctx.limits().eventProcessingTimeoutMs;
    const subject = what === 'handler' ? 'message handler ran' : 'message handlers still running after';
    this.fire(
      tMs,
      'event-processing-timeout',
      `event-processing-timeout: ${subject} ${Math.round(elapsedMs)} ms > ${Math.round(limit)} ms (${eventType ?? 'non-JSON frame'})`,
      {
        what,
        elapsedMs,
        limitMs: limit,
        eventType: eventType ?? null,
        app: this.appState(),
        ...this.ctx.monitorState(),
      },
    );
  }

  heap(tMs: number, usedBytes: number, totalBytes: number, limitBytes: number | undefined): void {
    const limit = this.ctx.limits().maxHeapBytes;
    if (usedBytes < 0.9 * limit) this.heapArmed = true;
    if (usedBytes <= limit || !this.heapArmed) return;
    this.heapArmed = false;
    this.fire(
      tMs,
      'memory-warning',
      `memory-warning: JS heap ${(usedBytes / MB).toFixed(1)} MB used > ${(limit / MB).toFixed(1)} MB (total ${(totalBytes / MB).toFixed(1)} MB${limitBytes ? `, tab limit ${(limitBytes / MB).toFixed(0)} MB` : ''})`,
      {
        usedBytes,
        totalBytes,
        limitBytes: limitBytes ?? null,
        warnAboveBytes: limit,
      },
    );
  }

  reset(): void {
    this.chunksAbove = false;
    this.backlogEscalated = false;
    this.heapArmed = true;
  }

  /**
   * Records an `interruption`, then calls the app's interruptResponse(reason); returns the outcome for the message.
   * Recorded before the hook runs, so the app's own report of the same interruption is the duplicate that is dropped.
   */
  private interrupt(tMs: number, reason: string, responseId?: string): string {
    const hook = this.ctx.hooks().interruptResponse;
    this.ctx.emit({ type: 'monitor', tMs, kind: 'interruption', reason, ...(responseId ? { responseId } : {}) });
    const interrupted = safeCall(hook ? () => hook(reason) : undefined);
    return interrupted.error ? `interruptResponse: ${interrupted.error}` : `interruptResponse('${reason}') called`;
  }

  private appState(): unknown {
    const state = safeCall(this.ctx.hooks().getState);
    return state.error ? `(getState: ${state.error})` : jsonSafe(state.value);
  }

  private fire(tMs: number, name: SafeguardName, message: string, state: Record<string, unknown>): void {
    const safe = jsonSafe(state, 64_000);
    const dump = safe && typeof safe === 'object' ? (safe as Record<string, unknown>) : { omitted: String(safe) };
    this.ctx.emit({ type: 'monitor', tMs, kind: 'safeguard', name, message: message.slice(0, 4096), state: dump });
    this.ctx.warn(`voice-soak monitor: ${message}`);
  }
}
