/**
 * The client events the app sends, in both Realtime dialects. GA (`realtime` subprotocol) nests audio settings under
 * session.audio.{input,output}; beta (`openai-beta.realtime-v1`) uses flat pcm16 fields and `modalities`.
 */
import type { RealtimeDialect } from './app-config.ts';

export type ClientEvent = { type: string } & Record<string, unknown>;

export interface SessionOptions {
  voice: string;
  instructions: string;
  transcriptionModel: string;
}

export const DEFAULT_SESSION: SessionOptions = {
  voice: 'alloy',
  instructions: 'You are a helpful voice assistant. Answer briefly.',
  transcriptionModel: 'whisper-1',
};

/** interrupt_response false: the app itself cancels and truncates on barge-in, from what was actually heard. */
const SERVER_VAD = {
  type: 'server_vad',
  threshold: 0.5,
  prefix_padding_ms: 300,
  silence_duration_ms: 500,
  create_response: true,
  interrupt_response: false,
};

export function sessionUpdate(dialect: RealtimeDialect, options: SessionOptions = DEFAULT_SESSION): ClientEvent {
  if (dialect === 'beta') {
    return {
      type: 'session.update',
      session: {
        modalities: ['text', 'audio'],
        instructions: options.instructions,
        voice: options.voice,
        input_audio_format: 'pcm16',
        output_audio_format: 'pcm16',
        input_audio_transcription: { model: options.transcriptionModel },
        turn_detection: SERVER_VAD,
      },
    };
  }
  const pcm = { type: 'audio/pcm', rate: 24000 };
  return {
    type: 'session.update',
    session: {
      type: 'realtime',
      output_modalities: ['audio'],
      instructions: options.instructions,
      audio: {
        input: { format: pcm, transcription: { model: options.transcriptionModel }, turn_detection: SERVER_VAD },
        output: { format: pcm, voice: options.voice },
      },
    },
  };
}

export type ContextRole = 'user' | 'assistant';

/** A text message item that re-creates one earlier turn in a fresh session. */
export function contextItemCreate(dialect: RealtimeDialect, role: ContextRole, text: string): ClientEvent {
  const contentType = role === 'user' ? 'input_text' : dialect === 'ga' ? 'output_text' : 'text';
  return {
    type: 'conversation.item.create',
    item: { type: 'message', role, content: [{ type: contentType, text }] },
  };
}

export function audioAppend(base64Pcm16: string): ClientEvent {
  return { type: 'input_audio_buffer.append', audio: base64Pcm16 };
}

export function responseCancel(responseId: string | null): ClientEvent {
  return responseId ? { type: 'response.cancel', response_id: responseId } : { type: 'response.cancel' };
}

export function itemTruncate(itemId: string, audioEndMs: number): ClientEvent {
  return { type: 'conversation.item.truncate', item_id: itemId, content_index: 0, audio_end_ms: Math.max(0, Math.floor(audioEndMs)) };
}
