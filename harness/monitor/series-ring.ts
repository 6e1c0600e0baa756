/**
 * The last `capacity` points of one time series in two typed arrays (16 bytes a point), oldest dropped first, read
 * back in order as the { tMs, values } columns the analyzer's statistics take. Bounds the trend watch's memory
 * however long the page runs.
 */
export interface SeriesColumns {
  tMs: Float64Array;
  values: Float64Array;
}

export class SeriesRing {
  private readonly tMs: Float64Array;
  private readonly values: Float64Array;
  private start = 0;
  private length = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`SeriesRing: capacity must be a positive integer, got ${capacity}`);
    this.tMs = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  get size(): number {
    return this.length;
  }

  push(tMs: number, value: number): void {
    const end = (this.start + this.length) % this.capacity;
    this.tMs[end] = tMs;
    this.values[end] = value;
    if (this.length < this.capacity) this.length += 1;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** A copy of the points, oldest first. */
  columns(): SeriesColumns {
    const out = { tMs: new Float64Array(this.length), values: new Float64Array(this.length) };
    const head = Math.min(this.length, this.capacity - this.start);
    out.tMs.set(this.tMs.subarray(this.start, this.start + head));
    out.values.set(this.values.subarray(this.start, this.start + head));
    out.tMs.set(this.tMs.subarray(0, this.length - head), head);
    out.values.set(this.values.subarray(0, this.length - head), head);
    return out;
  }

  clear(): void {
    this.start = 0;
    this.length = 0;
  }
}
