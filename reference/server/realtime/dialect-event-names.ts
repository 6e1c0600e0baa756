/** Server event names that differ between the beta and GA dialects of the Realtime API. */
import type { Dialect } from './session-config.ts';

const names = {
  audioDelta: ['response.audio.delta', 'response.output_audio.delta'],
  audioDone: ['response.audio.done', 'response.output_audio.done'],
  transcriptDelta: ['response.audio_transcript.delta', 'response.output_audio_transcript.delta'],
  transcriptDone: ['response.audio_transcript.done', 'response.output_audio_transcript.done'],
  textDelta: ['response.text.delta', 'response.output_text.delta'],
  textDone: ['response.text.done', 'response.output_text.done'],
  itemCreated: ['conversation.item.created', 'conversation.item.added'],
} as const;

export type DialectEvent = keyof typeof names;

export function eventName(event: DialectEvent, dialect: Dialect): string {
  return names[event][dialect === 'beta' ? 0 : 1];
}
