/**
 * The seed's "proactive warning system": the monitor's records feed a bounded window (trend-window.ts) and every
 * trend check (30 s by default) judges it with the analyzer's rules (early-warnings.ts), so a budget crossing shows
 * up as a `warning` record when it happens, with the id and level the final report will give it. Each warning id
 * repeats at most once per cooldown. Pure: time comes in as tMs.
 */
import type { LogRecord } from '../log/log-schema.ts';
import type { Thresholds } from '../thresholds/thresholds-schema.ts';
import { earlyWarnings, type EarlyWarning } from './early-warnings.ts';
import { TrendWindow } from './trend-window.ts';

export class TrendWatch {
  private readonly window = new TrendWindow();
  private readonly lastWarnedMs = new Map<string, number>();

  constructor(private readonly cooldownMs = 300_000) {}

  /** Every record the monitor emits, in order. */
  add(record: LogRecord): void {
    this.window.add(record);
  }

  /** The early warnings due at tMs (respecting each id's cooldown). */
  check(tMs: number, thresholds: Thresholds): EarlyWarning[] {
    return earlyWarnings(this.window.data(), thresholds).filter((warning) => this.due(warning.id, tMs));
  }

  /** For level checks done elsewhere (backpressure, handlers in flight): true when id may warn again at tMs. */
  due(id: string, tMs: number): boolean {
    const last = this.lastWarnedMs.get(id);
    if (last !== undefined && tMs - last < this.cooldownMs) return false;
    this.lastWarnedMs.set(id, tMs);
    return true;
  }

  clear(): void {
    this.window.clear();
    this.lastWarnedMs.clear();
  }
}
