/**
 * A fixed-capacity FIFO: pushing past the capacity drops the oldest item. Keeps the monitor's memory bounded
 * however long the page runs. `dropped` counts what was overwritten, so an export can say it is truncated.
 */
export class RingBuffer<T> {
  readonly capacity: number;
  private items: (T | undefined)[];
  private start = 0;
  private length = 0;
  dropped = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`RingBuffer: capacity must be a positive integer, got ${capacity}`);
    this.capacity = capacity;
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.length;
  }

  push(item: T): void {
    const end = (this.start + this.length) % this.capacity;
    this.items[end] = item;
    if (this.length < this.capacity) this.length += 1;
    else {
      this.start = (this.start + 1) % this.capacity;
      this.dropped += 1;
    }
  }

  /** Item i counted from the oldest (0) to the newest (size - 1). */
  at(i: number): T | undefined {
    if (i < 0 || i >= this.length) return undefined;
    return this.items[(this.start + i) % this.capacity];
  }

  last(): T | undefined {
    return this.at(this.length - 1);
  }

  toArray(): T[] {
    const out: T[] = new Array(this.length);
    for (let i = 0; i < this.length; i += 1) out[i] = this.items[(this.start + i) % this.capacity] as T;
    return out;
  }

  /** Removes and returns everything, oldest first. */
  takeAll(): T[] {
    const out = this.toArray();
    this.clear();
    return out;
  }

  clear(): void {
    this.items = new Array<T | undefined>(this.capacity);
    this.start = 0;
    this.length = 0;
    this.dropped = 0;
  }
}
