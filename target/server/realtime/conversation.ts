/**
 * The conversation's items in order. Items are stored already shaped for the connection's dialect. Audio is not
 * kept (only durations and transcripts), so a long soak does not grow the server; at most MAX_ITEMS are kept.
 */
import { RealtimeError } from './realtime-error.ts';

export type ConversationItem = Record<string, unknown> & { id: string };

const MAX_ITEMS = 2000;

export class Conversation {
  private items: ConversationItem[] = [];

  /** Inserts after `previousItemId` (undefined = at the end, null/'root' = at the start); returns the actual previous id. */
  insert(item: ConversationItem, previousItemId?: string | null): string | null {
    if (this.has(item.id)) {
      throw new RealtimeError('item_already_exists', `Item with id '${item.id}' already exists.`, 'item.id');
    }
    let index = this.items.length;
    if (previousItemId === null || previousItemId === 'root') index = 0;
    else if (previousItemId !== undefined) {
      const prev = this.items.findIndex((i) => i.id === previousItemId);
      if (prev < 0) throw new RealtimeError('invalid_value', `Error adding item: the previous item with id '${previousItemId}' does not exist.`, 'previous_item_id');
      index = prev + 1;
    }
    this.items.splice(index, 0, item);
    if (this.items.length > MAX_ITEMS) this.items.shift();
    return index > 0 ? (this.items[index - 1]?.id ?? null) : null;
  }

  get(id: string): ConversationItem | undefined {
    return this.items.find((i) => i.id === id);
  }

  has(id: string): boolean {
    return this.items.some((i) => i.id === id);
  }

  delete(id: string): boolean {
    const index = this.items.findIndex((i) => i.id === id);
    if (index >= 0) this.items.splice(index, 1);
    return index >= 0;
  }

  lastId(): string | null {
    return this.items.at(-1)?.id ?? null;
  }
}
