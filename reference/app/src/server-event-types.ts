/** Server event names of both dialects, folded into the few kinds the app reacts to. */
export type ServerEventKind =
  | 'audio-delta'
  | 'assistant-transcript-delta'
  | 'assistant-transcript-done'
  | 'user-transcript-delta'
  | 'user-transcript-done'
  | 'speech-started'
  | 'speech-stopped'
  | 'input-committed'
  | 'response-created'
  | 'response-done'
  | 'error'
  | 'other';

const KINDS: Record<string, ServerEventKind> = {
  'response.audio.delta': 'audio-delta',
  'response.output_audio.delta': 'audio-delta',
  'response.audio_transcript.delta': 'assistant-transcript-delta',
  'response.output_audio_transcript.delta': 'assistant-transcript-delta',
  'response.text.delta': 'assistant-transcript-delta',
  'response.output_text.delta': 'assistant-transcript-delta',
  'response.audio_transcript.done': 'assistant-transcript-done',
  'response.output_audio_transcript.done': 'assistant-transcript-done',
  'response.text.done': 'assistant-transcript-done',
  'response.output_text.done': 'assistant-transcript-done',
  'conversation.item.input_audio_transcription.delta': 'user-transcript-delta',
  'conversation.item.input_audio_transcription.completed': 'user-transcript-done',
  'input_audio_buffer.speech_started': 'speech-started',
  'input_audio_buffer.speech_stopped': 'speech-stopped',
  'input_audio_buffer.committed': 'input-committed',
  'response.created': 'response-created',
  'response.done': 'response-done',
  error: 'error',
};

export function serverEventKind(type: string): ServerEventKind {
  return KINDS[type] ?? 'other';
}
