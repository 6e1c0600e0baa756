/** conversation.item.create / truncate / delete / retrieve. */
import type { ClientEvent } from './client-event-schemas.ts';
import type { ConnectionContext } from './connection-context.ts';
import { eventName } from './dialect-event-names.ts';
import { clientItemToConversationItem } from './item-shapes.ts';
import { approximateJsonBytes } from './memory-budget.ts';
import type { ConversationItem } from './conversation.ts';
import { RealtimeError } from './realtime-error.ts';

export function announceItem(ctx: ConnectionContext, item: ConversationItem, previousItemId: string | null): void {
  ctx.send({ type: eventName('itemCreated', ctx.dialect), previous_item_id: previousItemId, item });
  if (ctx.dialect === 'ga') ctx.send({ type: 'conversation.item.done', previous_item_id: previousItemId, item });
}

export function handleItemCreate(ctx: ConnectionContext, event: ClientEvent<'conversation.item.create'>): void {
  if (event.item.type === 'message' && !event.item.role) {
    throw new RealtimeError('missing_required_parameter', "Missing required parameter: 'item.role'.", 'item.role');
  }
  const item = clientItemToConversationItem(event.item, event.item.id ?? ctx.nextId('item'));
  // Counted at about its JSON size: the text and any base64 audio the client put in it stay stored until deleted.
  const previousItemId = ctx.conversation.insert(item, event.previous_item_id, approximateJsonBytes(item));
  announceItem(ctx, item, previousItemId);
}

export function handleItemTruncate(ctx: ConnectionContext, event: ClientEvent<'conversation.item.truncate'>): void {
  const item = ctx.conversation.get(event.item_id);
  const audioMs = ctx.assistantAudioMs.get(event.item_id);
  if (!item || audioMs === undefined) {
    const why = item ? 'is not a completed assistant audio message' : 'does not exist';
    throw new RealtimeError('item_truncate_invalid_item_id', `Error truncating item: the item with id '${event.item_id}' ${why}.`, 'item_id');
  }
  if (event.content_index !== 0) {
    throw new RealtimeError('invalid_value', `Invalid 'content_index': item '${event.item_id}' has one content part.`, 'content_index');
  }
  if (event.audio_end_ms > audioMs) {
    throw new RealtimeError(
      'invalid_value',
      `Invalid 'audio_end_ms': ${event.audio_end_ms} ms is longer than the item's audio (${Math.round(audioMs)} ms).`,
      'audio_end_ms',
    );
  }
  const content = item.content as Record<string, unknown>[];
  if (content[0]) content[0].transcript = '';
  ctx.assistantAudioMs.set(event.item_id, event.audio_end_ms);
  ctx.send({ type: 'conversation.item.truncated', item_id: event.item_id, content_index: 0, audio_end_ms: event.audio_end_ms });
}

export function handleItemDelete(ctx: ConnectionContext, event: ClientEvent<'conversation.item.delete'>): void {
  if (!ctx.conversation.delete(event.item_id)) {
    throw new RealtimeError('item_delete_invalid_item_id', `Error deleting item: the item with id '${event.item_id}' does not exist.`, 'item_id');
  }
  ctx.assistantAudioMs.delete(event.item_id);
  ctx.send({ type: 'conversation.item.deleted', item_id: event.item_id });
}

export function handleItemRetrieve(ctx: ConnectionContext, event: ClientEvent<'conversation.item.retrieve'>): void {
  const item = ctx.conversation.get(event.item_id);
  if (!item) {
    throw new RealtimeError('item_retrieve_invalid_item_id', `Error retrieving item: the item with id '${event.item_id}' does not exist.`, 'item_id');
  }
  ctx.send({ type: 'conversation.item.retrieved', item });
}
