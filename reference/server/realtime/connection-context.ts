/** What protocol handlers share about one connection: a WebSocket (realtime-connection.ts) or a WebRTC call (webrtc/). */
import type { FaultSpec } from '../../faults/fault-spec.ts';
import type { Conversation } from './conversation.ts';
import type { ConnectionMemory } from './memory-budget.ts';
import type { NextId } from './event-ids.ts';
import type { RealtimeError } from './realtime-error.ts';
import type { Dialect, SessionConfig } from './session-config.ts';
import type { VoiceActivityDetector } from './voice-activity-detector.ts';

export interface ServerEvent {
  type: string;
  [field: string]: unknown;
}

export interface ActiveResponseHandle {
  readonly id: string;
  cancel(reason: 'turn_detected' | 'client_cancelled'): void;
}

/** Where a WebRTC call's reply audio goes (an Opus RTP track) instead of audio delta events. */
export interface ReplyAudioOutput {
  push(responseId: string, samples: Int16Array): void;
  /** The response has pushed all its audio. */
  end(responseId: string): void;
  /** Drop what is queued (barge-in, response.cancel, output_audio_buffer.clear). */
  clear(): void;
}

export interface ConnectionContext {
  readonly dialect: Dialect;
  session: SessionConfig;
  readonly conversation: Conversation;
  /** This connection's share of the server's memory budget (stored items and session count against it). */
  readonly memory: ConnectionMemory;
  readonly nextId: NextId;
  readonly faults: FaultSpec;
  /** Seeds reply content and fault draws: same seed and turn, same reply. */
  readonly seed: number;
  /** Multiplies reply lengths (tests use < 1). */
  readonly replyScale: number;
  /** Time to first audio of a clean turn, ms. */
  readonly baseLatencyMs: number;
  readonly vad: VoiceActivityDetector;
  /** Input audio appended since the last commit or clear, in samples. */
  bufferedSamples: number;
  /** Item id announced by speech_started, used when that speech is committed. */
  pendingSpeechItemId: string | null;
  activeResponse: ActiveResponseHandle | null;
  /** Responses started so far on this connection (turn counter, 1-based after the first starts). */
  responsesStarted: number;
  /** Audio length of assistant items, for conversation.item.truncate. */
  readonly assistantAudioMs: Map<string, number>;
  /** Set on a WebRTC call: reply audio leaves as RTP, and no audio delta events are sent. */
  readonly audioOut?: ReplyAudioOutput;
  send(event: ServerEvent): void;
  sendError(error: RealtimeError, clientEventId: string | null): void;
  readonly closed: boolean;
}
