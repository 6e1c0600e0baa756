/**
 * The protocol state of one connection, whatever carries its events: a WebSocket (realtime-connection.ts) or a
 * WebRTC call's `oai-events` data channel (webrtc/webrtc-call.ts). The transport supplies how events leave and
 * whether it is closed; a WebRTC call also supplies where reply audio goes.
 */
import type { ConnectionOptions } from './connection-options.ts';
import type { ConnectionContext, ReplyAudioOutput, ServerEvent } from './connection-context.ts';
import { Conversation } from './conversation.ts';
import type { NextId } from './event-ids.ts';
import type { ConnectionMemory } from './memory-budget.ts';
import { errorPayload } from './realtime-error.ts';
import type { RealtimeError } from './realtime-error.ts';
import { defaultSession, defaultTurnDetection } from './session-config.ts';
import { vadSettingsFor, VoiceActivityDetector } from './voice-activity-detector.ts';

export interface ContextTransport {
  send(event: ServerEvent): void;
  readonly closed: boolean;
  readonly audioOut?: ReplyAudioOutput;
}

export function newConnectionContext(
  options: ConnectionOptions,
  settings: { replyScale: number; baseLatencyMs: number },
  memory: ConnectionMemory,
  nextId: NextId,
  transport: ContextTransport,
): ConnectionContext {
  const ctx: ConnectionContext = {
    dialect: options.dialect,
    session: defaultSession(nextId('sess'), options.model),
    conversation: new Conversation(memory),
    memory,
    nextId,
    faults: options.faults,
    seed: options.seed,
    replyScale: settings.replyScale,
    baseLatencyMs: settings.baseLatencyMs,
    vad: new VoiceActivityDetector(vadSettingsFor(defaultTurnDetection)),
    bufferedSamples: 0,
    pendingSpeechItemId: null,
    activeResponse: null,
    responsesStarted: 0,
    assistantAudioMs: new Map(),
    audioOut: transport.audioOut,
    send: (event) => transport.send(event),
    sendError(error: RealtimeError, clientEventId: string | null) {
      ctx.send({ type: 'error', error: errorPayload(error, clientEventId) });
    },
    get closed() {
      return transport.closed;
    },
  };
  return ctx;
}
