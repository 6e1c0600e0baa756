/** The `response` object of response.created / response.done in the dialect's shape, with usage when done. */
import type { Dialect, SessionConfig } from './session-config.ts';

export type ResponseStatus = 'in_progress' | 'completed' | 'cancelled' | 'incomplete' | 'failed';

export interface ResponseSummary {
  id: string;
  status: ResponseStatus;
  statusDetails: Record<string, unknown> | null;
  output: Record<string, unknown>[];
  audio: boolean;
  conversationId: string | null;
  metadata: unknown;
  /** Set once done: tokens are estimated (50 ms of audio ~ 1 token, 1 word ~ 1.3 tokens). */
  usage: { inputAudioMs: number; inputTextWords: number; outputAudioMs: number; outputWords: number } | null;
}

export function responseObject(r: ResponseSummary, session: SessionConfig, dialect: Dialect): Record<string, unknown> {
  const shared = {
    id: r.id,
    object: 'realtime.response',
    status: r.status,
    status_details: r.statusDetails,
    output: r.output,
    conversation_id: r.conversationId,
    metadata: r.metadata ?? null,
    usage: r.usage ? usage(r.usage) : null,
  };
  if (dialect === 'beta') {
    return {
      ...shared,
      modalities: r.audio ? ['text', 'audio'] : ['text'],
      voice: session.voice,
      output_audio_format: 'pcm16',
      temperature: session.temperature,
      max_output_tokens: session.maxOutputTokens,
    };
  }
  return {
    ...shared,
    output_modalities: r.audio ? ['audio'] : ['text'],
    audio: { output: { format: { type: 'audio/pcm', rate: 24000 }, voice: session.voice } },
    max_output_tokens: session.maxOutputTokens,
  };
}

function usage(u: NonNullable<ResponseSummary['usage']>): Record<string, unknown> {
  const inputAudio = Math.round(u.inputAudioMs / 50);
  const inputText = Math.round(u.inputTextWords * 1.3) + 20;
  const outputAudio = Math.round(u.outputAudioMs / 50);
  const outputText = Math.round(u.outputWords * 1.3);
  return {
    total_tokens: inputAudio + inputText + outputAudio + outputText,
    input_tokens: inputAudio + inputText,
    output_tokens: outputAudio + outputText,
    input_token_details: { cached_tokens: 0, text_tokens: inputText, audio_tokens: inputAudio },
    output_token_details: { text_tokens: outputText, audio_tokens: outputAudio },
  };
}
