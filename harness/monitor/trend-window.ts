/**
 * What the page's trend watch judges: the window of the monitor's own records it still has, read the way the
 * analyzer reads a log (harness/analyze/collect-record.ts): page heap from `memory` records, handler time from
 * `message` records, turns from the `rt` events through the analyzer's own turn matcher, and the last tMs seen
 * (the run's length so far, which clamps warm-up as analyze() does). Bounded like the record store: the same number
 * of memory samples and messages as its default caps, and the last MAX_TURNS turns.
 */
import type { LogRecord } from '../log/log-schema.ts';
import { createTurnMatcher, type TurnMatcher, type TurnTiming } from '../analyze/judge/turn-matcher.ts';
import { DEFAULT_RECORD_CAPS } from './record-caps.ts';
import { RingBuffer } from './ring-buffer.ts';
import { SeriesRing, type SeriesColumns } from './series-ring.ts';

export const MAX_TURNS = 1_000;

export interface TrendWindowData {
  heapUsedBytes: SeriesColumns;
  handlerMs: SeriesColumns;
  turns: TurnTiming[];
  lastTMs: number;
}

export class TrendWindow {
  private readonly heap = new SeriesRing(DEFAULT_RECORD_CAPS.memorySamples);
  private readonly handler = new SeriesRing(DEFAULT_RECORD_CAPS.messages);
  private readonly turns = new RingBuffer<TurnTiming>(MAX_TURNS);
  private matcher: TurnMatcher = createTurnMatcher();
  private lastTMs = 0;

  add(record: LogRecord): void {
    if (record.tMs > this.lastTMs) this.lastTMs = record.tMs;
    if (record.type === 'rt') {
      this.matcher.add(record);
      // Completed turns move into the bounded ring, so the matcher keeps only responses still open.
      if (this.matcher.turns.length > 0) for (const turn of this.matcher.turns.splice(0)) this.turns.push(turn);
    } else if (record.type === 'monitor' && record.kind === 'memory') this.heap.push(record.tMs, record.usedBytes);
    else if (record.type === 'monitor' && record.kind === 'message') this.handler.push(record.tMs, record.handlerMs);
  }

  data(): TrendWindowData {
    return { heapUsedBytes: this.heap.columns(), handlerMs: this.handler.columns(), turns: this.turns.toArray(), lastTMs: this.lastTMs };
  }

  clear(): void {
    this.heap.clear();
    this.handler.clear();
    this.turns.clear();
    this.matcher = createTurnMatcher();
    this.lastTMs = 0;
  }
}
