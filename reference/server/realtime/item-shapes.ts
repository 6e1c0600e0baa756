/** Conversation items in the dialect's shape: user audio, assistant replies, and items created by the client. */
import type { ClientItem } from './client-event-schemas.ts';
import type { ConversationItem } from './conversation.ts';
import type { Dialect } from './session-config.ts';

export function userAudioItem(id: string, transcript: string | null): ConversationItem {
  return { id, object: 'realtime.item', type: 'message', status: 'completed', role: 'user', content: [{ type: 'input_audio', transcript }] };
}

export function assistantItem(
  id: string,
  dialect: Dialect,
  audio: boolean,
  status: 'in_progress' | 'completed' | 'incomplete',
  text: string | null,
): ConversationItem {
  const content = text === null ? [] : [assistantPart(dialect, audio, text)];
  return { id, object: 'realtime.item', type: 'message', status, role: 'assistant', content };
}

export function assistantPart(dialect: Dialect, audio: boolean, text: string): Record<string, unknown> {
  if (audio) return { type: dialect === 'beta' ? 'audio' : 'output_audio', transcript: text };
  return { type: dialect === 'beta' ? 'text' : 'output_text', text };
}

/** The content part announced by response.content_part.added/done (same in both dialects). */
export function responsePart(audio: boolean, text: string): Record<string, unknown> {
  return audio ? { type: 'audio', transcript: text } : { type: 'text', text };
}

export function clientItemToConversationItem(item: ClientItem, id: string): ConversationItem {
  return { ...item, id, object: 'realtime.item', status: item.status ?? 'completed' };
}
