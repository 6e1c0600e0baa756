/**
 * The recent turns (text) kept so that a fresh connection can be given the conversation so far: after a reconnect
 * the app replays them as conversation.item.create text items. Bounded: only the newest `maxItems` are kept.
 */
import type { ContextRole } from './client-events.ts';

export interface ContextItem {
  key: string;
  role: ContextRole;
  text: string;
}

export class ConversationContext {
  private readonly items: ContextItem[] = [];

  constructor(private readonly maxItems = 10) {}

  /** Records or replaces the final text of one turn (keyed by item or response id). */
  record(role: ContextRole, key: string, text: string): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    const existing = this.items.find((i) => i.key === key && i.role === role);
    if (existing) {
      existing.text = trimmed;
      return;
    }
    this.items.push({ key, role, text: trimmed });
    if (this.items.length > this.maxItems) this.items.shift();
  }

  clear(): void {
    this.items.length = 0;
  }

  recent(): readonly ContextItem[] {
    return this.items;
  }
}
