/**
 * The conversation's items in order. Items are stored already shaped for the connection's dialect. Audio is not
 * kept (only durations and transcripts), so a long soak does not grow the server; at most MAX_ITEMS are kept.
 * Items that clients create are stored as sent (text, and any audio they carry) and counted in the memory budget.
 */
import type { ConnectionMemory } from './memory-budget.ts';
import { RealtimeError } from './realtime-error.ts';

export type ConversationItem = Record<string, unknown> & { id: string };

const MAX_ITEMS = 2000;

export class Conversation {
  private items: ConversationItem[] = [];

  constructor(private readonly memory?: ConnectionMemory) {}

  /**
   * Inserts after `previousItemId` (undefined = at the end, null/'root' = at the start); returns the actual previous id.
   * `budgetBytes` are stored against the memory budget (throws `memory_budget_exceeded` when they do not fit).
   */
  insert(item: ConversationItem, previousItemId?: string | null, budgetBytes = 0): string | null {
    if (this.has(item.id)) {
      throw new RealtimeError('item_already_exists', `Item with id '${item.id}' already exists.`, 'item.id');
    }
    let index = this.items.length;
    if (previousItemId === null || previousItemId === 'root') index = 0;
    else if (previousItemId !== undefined) {
      const prev = this.items.findIndex((i) => i.id === previousItemId);
      if (prev < 0)
        throw new RealtimeError('invalid_value', `Error adding item: the previous item with id '${previousItemId}' does not exist.`, 'previous_item_id');
      index = prev + 1;
    }
    if (budgetBytes > 0) this.memory?.store(`item ${item.id}`, budgetBytes, 'Conversation item');
    this.items.splice(index, 0, item);
    if (this.items.length > MAX_ITEMS) this.forget(this.items.shift()?.id);
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
    if (index >= 0) this.forget(this.items.splice(index, 1)[0]?.id);
    return index >= 0;
  }

  private forget(id: string | undefined): void {
    if (id !== undefined) this.memory?.unstore(`item ${id}`);
  }

  lastId(): string | null {
    return this.items.at(-1)?.id ?? null;
  }
}
