/**
 * Reacts to one parsed server event: schedules reply audio, writes transcripts, tracks the active response,
 * remembers finished turns for context replay, and handles barge-in (speech while reply audio plays).
 */
import type { ClientEvent } from './client-events.ts';
import { itemTruncate, responseCancel } from './client-events.ts';
import type { AppCounters } from './app-counters.ts';
import type { ConversationContext } from './conversation-context.ts';
import type { DeltaLeak } from './delta-leak.ts';
import type { HeapLeak } from './heap-leak-fault.ts';
import { monitor } from './monitor-bridge.ts';
import { base64Pcm16ToFloat32 } from './pcm16-codec.ts';
import type { PlaybackScheduler } from './playback-scheduler.ts';
import type { RetainedAudio } from './retained-audio-fault.ts';
import { serverEventKind } from './server-event-types.ts';
import type { SlowHandler } from './slow-handler-fault.ts';
import type { TranscriptView } from './transcript-view.ts';

export type ServerEvent = { type: string } & Record<string, unknown>;

export interface ServerEventHandlerDeps {
  scheduler: PlaybackScheduler;
  transcript: TranscriptView;
  context: ConversationContext;
  counters: AppCounters;
  send(event: ClientEvent): void;
  heapLeak: HeapLeak | null;
  /** The retain-audio / retain-audiobuffers faults: offered every decoded reply chunk. */
  retainedAudio?: RetainedAudio[];
  /** App-side leak faults fed every decoded reply chunk (detached-dom, listener-leak). */
  deltaLeaks?: readonly DeltaLeak[];
  slowHandler: SlowHandler | null;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export class ServerEventHandler {
  private activeResponseId: string | null = null;
  private lastAssistantItemId: string | null = null;
  /** Responses whose late audio must be ignored; bounded to the last few. */
  private readonly cancelledResponseIds = new Set<string>();

  constructor(private readonly deps: ServerEventHandlerDeps) {}

  handle(event: ServerEvent): void {
    const { transcript, context, counters } = this.deps;
    switch (serverEventKind(event.type)) {
      case 'audio-delta':
        return this.onAudioDelta(event);
      case 'assistant-transcript-delta':
        this.lastAssistantItemId = str(event.item_id) || this.lastAssistantItemId;
        return transcript.appendText('assistant', str(event.item_id), str(event.delta));
      case 'assistant-transcript-done': {
        const text = str(event.transcript) || str(event.text);
        transcript.setText('assistant', str(event.item_id), text);
        return context.record('assistant', str(event.item_id), text);
      }
      case 'input-committed':
        counters.turns++;
        transcript.ensure('user', str(event.item_id));
        return;
      case 'user-transcript-delta':
        return transcript.appendText('user', str(event.item_id), str(event.delta));
      case 'user-transcript-done':
        transcript.setText('user', str(event.item_id), str(event.transcript));
        return context.record('user', str(event.item_id), str(event.transcript));
      case 'speech-started':
        if (this.deps.scheduler.isPlaying() || this.activeResponseId) this.interrupt('barge-in');
        return;
      case 'response-created':
        this.activeResponseId = str((event.response as Record<string, unknown> | undefined)?.id) || null;
        return;
      case 'response-done':
        return this.onResponseDone(event);
      case 'error': {
        const error = (event.error ?? {}) as Record<string, unknown>;
        counters.lastError = `server error: ${str(error.message) || 'unknown'}${error.code ? ` (${str(error.code)})` : ''}`;
        monitor.error('server', str(error.message) || 'unknown server error', str(error.code) || undefined);
        return;
      }
      default:
        return;
    }
  }

  /** Stops reply playback; cancels the active response and truncates the playing item to what was heard. */
  interrupt(reason: string): void {
    const { scheduler, send, counters } = this.deps;
    const itemId = scheduler.isPlaying() ? scheduler.currentItemId() : null;
    const playedMs = itemId ? scheduler.playedMsForItem(itemId) : 0;
    const responseId = this.activeResponseId;
    scheduler.stopAll();
    if (responseId) {
      send(responseCancel(responseId));
      this.markCancelled(responseId);
      this.activeResponseId = null;
    }
    if (itemId) send(itemTruncate(itemId, playedMs));
    counters.interruptions++;
    monitor.interruption(reason, responseId ?? undefined);
  }

  /** A new connection has a new server conversation: drop playback and response tracking of the old one. */
  resetForNewConnection(): void {
    const itemId = this.lastAssistantItemId;
    if (itemId) this.deps.context.record('assistant', itemId, this.deps.transcript.textOf('assistant', itemId));
    this.deps.scheduler.stopAll();
    this.activeResponseId = null;
    this.cancelledResponseIds.clear();
  }

  private onAudioDelta(event: ServerEvent): void {
    const startMs = performance.now();
    const { scheduler, counters, heapLeak, slowHandler } = this.deps;
    slowHandler?.();
    const responseId = str(event.response_id);
    if (this.cancelledResponseIds.has(responseId)) return;
    const samples = base64Pcm16ToFloat32(str(event.delta));
    counters.receivedAudioChunks++;
    counters.receivedAudioBytes += samples.length * 2;
    heapLeak?.offerDecodedAudio(samples);
    for (const store of this.deps.retainedAudio ?? []) store.offerDecodedAudio(samples);
    const itemId = str(event.item_id);
    for (const leak of this.deps.deltaLeaks ?? []) leak.onAudioDelta(samples, itemId);
    this.lastAssistantItemId = itemId || this.lastAssistantItemId;
    const { underrun, pendingChunks } = scheduler.schedule(samples, { responseId, itemId });
    monitor.audioChunk(performance.now() - startMs, pendingChunks);
    monitor.playback(pendingChunks, underrun);
  }

  private onResponseDone(event: ServerEvent): void {
    const { counters, context, transcript } = this.deps;
    const response = (event.response ?? {}) as Record<string, unknown>;
    const responseId = str(response.id);
    counters.responsesDone++;
    if (response.status === 'cancelled' && !this.cancelledResponseIds.has(responseId)) this.markCancelled(responseId);
    if (this.activeResponseId === responseId) this.activeResponseId = null;
    const itemId = this.lastAssistantItemId;
    if (itemId) context.record('assistant', itemId, transcript.textOf('assistant', itemId));
  }

  private markCancelled(responseId: string): void {
    this.deps.counters.responsesCancelled++;
    this.cancelledResponseIds.add(responseId);
    if (this.cancelledResponseIds.size > 16) {
      this.cancelledResponseIds.delete(this.cancelledResponseIds.values().next().value as string);
    }
  }
}
