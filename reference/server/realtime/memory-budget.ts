/**
 * The server's budget for buffered client input, across all connections and per connection: bytes of client messages
 * the server is still reading (in flight in `ws` until the message is complete) plus conversation items that clients
 * created (their text, and any `audio` they carry, stay stored until deleted), plus the session (instructions, tools).
 * Input audio appends are not stored (only their sample counts) and the server's own items are small, so these are
 * where client data accumulates.
 * A message that would go over is dropped unread with a `memory_budget_exceeded` error (see inbound-guard.ts); an
 * item that would is refused by conversation.item.create.
 */
import { RealtimeError } from './realtime-error.ts';

export const DEFAULT_MAX_MEMORY_MB = 256;
export const DEFAULT_MAX_CONNECTION_MEMORY_MB = 64;
/** Messages up to this size are always read (counted, never refused): control events keep working on a full budget. */
export const ALWAYS_READ_BYTES = 64 * 1024;

const MiB = 1024 * 1024;
const mib = (bytes: number): string => `${(bytes / MiB).toFixed(1)} MiB`;

export interface MemoryBudgetLimits {
  totalBytes: number;
  perConnectionBytes: number;
}

/** Limits in bytes from the MB options; throws a one-line error for values that are not positive numbers. */
export function memoryBudgetLimits(
  maxMemoryMb = DEFAULT_MAX_MEMORY_MB,
  maxConnectionMemoryMb = Math.min(DEFAULT_MAX_CONNECTION_MEMORY_MB, maxMemoryMb),
): MemoryBudgetLimits {
  for (const [name, value] of [
    ['maxMemoryMb', maxMemoryMb],
    ['maxConnectionMemoryMb', maxConnectionMemoryMb],
  ] as const) {
    if (!(Number.isFinite(value) && value > 0)) throw new Error(`${name} must be a positive number of MB, got ${value}`);
  }
  return { totalBytes: Math.round(maxMemoryMb * MiB), perConnectionBytes: Math.round(Math.min(maxConnectionMemoryMb, maxMemoryMb) * MiB) };
}

export class MemoryBudget {
  private used = 0;

  constructor(readonly limits: MemoryBudgetLimits) {}

  get usedBytes(): number {
    return this.used;
  }

  account(): ConnectionMemory {
    return new ConnectionMemory(this, (delta) => {
      this.used += delta;
    });
  }
}

/** One connection's share: bytes in flight (per message, oldest first) and bytes stored (by key: items, session). */
export class ConnectionMemory {
  private readonly inFlight: number[] = [];
  private inFlightBytes = 0;
  private storedBytes = 0;
  private readonly stored = new Map<string, number>();

  constructor(
    private readonly budget: MemoryBudget,
    private readonly change: (delta: number) => void,
  ) {}

  get usedBytes(): number {
    return this.inFlightBytes + this.storedBytes;
  }

  /** Why `bytes` (of which `added` are new) would not fit: the error message, or null when they fit. */
  refusal(bytes: number, what: string, added = bytes): string | null {
    const { totalBytes, perConnectionBytes } = this.budget.limits;
    if (added <= 0) return null;
    const overConnection = this.usedBytes + added > perConnectionBytes;
    if (!overConnection && this.budget.usedBytes + added <= totalBytes) return null;
    const which = overConnection
      ? `the per-connection memory budget (${mib(perConnectionBytes)}; this connection holds ${mib(this.usedBytes)})`
      : `the server's memory budget across connections (${mib(totalBytes)}; ${mib(this.budget.usedBytes)} in use)`;
    return `${what} of ${bytes} bytes would exceed ${which} for buffered client input, so it was dropped. Send smaller events, or delete conversation items.`;
  }

  /** Counts the first frame of a message (or, with `continuing`, a further frame of the newest one). */
  addInFlight(bytes: number, continuing: boolean): void {
    if (continuing && this.inFlight.length > 0) this.inFlight[this.inFlight.length - 1]! += bytes;
    else this.inFlight.push(bytes);
    this.inFlightBytes += bytes;
    this.change(bytes);
  }

  /** The oldest message in flight was read completely (and is handed to its handler). */
  messageRead(): void {
    const bytes = this.inFlight.shift() ?? 0;
    this.inFlightBytes -= bytes;
    this.change(-bytes);
  }

  /** Stores `bytes` under `key` (replacing what it held), or throws `memory_budget_exceeded` naming `what`. */
  store(key: string, bytes: number, what: string): void {
    const added = bytes - (this.stored.get(key) ?? 0);
    const refusal = this.refusal(bytes, what, added);
    if (refusal) throw new RealtimeError('memory_budget_exceeded', refusal);
    this.stored.set(key, bytes);
    this.storedBytes += added;
    this.change(added);
  }

  unstore(key: string): void {
    const bytes = this.stored.get(key);
    if (bytes === undefined) return;
    this.stored.delete(key);
    this.storedBytes -= bytes;
    this.change(-bytes);
  }

  /** The connection closed: everything it held is given back. */
  release(): void {
    this.change(-this.usedBytes);
    this.inFlight.length = 0;
    this.inFlightBytes = 0;
    this.storedBytes = 0;
    this.stored.clear();
  }
}

/** About the JSON size of a parsed value (string lengths, keys, 8 per other value), without building the JSON. */
export function approximateJsonBytes(value: unknown): number {
  let bytes = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next === 'string') bytes += next.length + 2;
    else if (Array.isArray(next)) for (const v of next) stack.push(v);
    else if (next !== null && typeof next === 'object') {
      for (const [key, v] of Object.entries(next)) {
        bytes += key.length + 4;
        stack.push(v);
      }
    } else bytes += 8;
  }
  return bytes;
}
