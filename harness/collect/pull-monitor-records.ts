/**
 * Pull the in-page monitor's records (globalThis.voiceSoakMonitor.drain()) with a timeout, rebase them onto the
 * harness clock and write them through the sink. The monitor is the one source of `ws` and `rt` records and of
 * all `monitor` records; the harness never derives those itself (CDP Network is only a cross-check, see
 * cdp-websocket-counter.ts).
 *
 * The monitor's zero is read from the page on every pull (a reload restarts the monitor): `timeOriginMs`,
 * else `startedAt` (ISO or epoch ms), else its header's startedAt, else performance.timeOrigin.
 *
 * A drain that times out has still emptied the page's queue once it runs (a busy page runs it late): its records
 * are written when it returns, never dropped (they carry their own tMs). flush() waits for such a late drain.
 */
import type { Page } from '@playwright/test';
import type { HarnessClock } from './recording/harness-clock.ts';
import type { RecordSink } from './recording/record-sink.ts';
import { rebaseMonitorRecord } from './rebase-monitor-record.ts';
import { TimeoutError, withTimeout } from './browser-calls/with-timeout.ts';
import { quietEvaluate } from './browser-calls/quiet-evaluate.ts';

export interface MonitorPuller {
  /** Pulls once; returns how many records were written (0 when skipped, missing or timed out). */
  pull(): Promise<number>;
  /** False until the page has shown a monitor. */
  seen(): boolean;
  /** Waits (at most waitMs) for a timed-out drain still running in the page, so its records are written. */
  flush(waitMs?: number): Promise<void>;
}

interface DrainResult {
  lines: string[];
  monitorStartEpochMs: number;
}

function drainInPage(): DrainResult | null {
  const monitor = (globalThis as { voiceSoakMonitor?: Record<string, unknown> }).voiceSoakMonitor;
  if (!monitor || typeof monitor.drain !== 'function') return null;
  const toEpoch = (value: unknown): number | undefined =>
    typeof value === 'number' ? value : typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? Date.parse(value) : undefined;
  const header = typeof monitor.header === 'function' ? (monitor.header as () => unknown)() : monitor.header;
  const start =
    toEpoch(monitor.startedAtEpochMs) ??
    toEpoch(monitor.timeOriginMs) ??
    toEpoch(monitor.startedAt) ??
    toEpoch((header as { startedAt?: unknown } | undefined)?.startedAt) ??
    performance.timeOrigin;
  return { lines: (monitor.drain as () => string[])(), monitorStartEpochMs: start };
}

export function createMonitorPuller(options: {
  page: Page;
  sink: Pick<RecordSink, 'write'>;
  clock: Pick<HarnessClock, 'nowMs' | 'startedAtEpochMs'>;
  timeoutMs?: number;
}): MonitorPuller {
  const { page, sink, clock } = options;
  const timeoutMs = options.timeoutMs ?? 800;
  let inFlight = false;
  let seen = false;
  let misses = 0;
  let late: Promise<unknown> | null = null;
  const write = (result: DrainResult | null): number => {
    if (!result) {
      if (++misses === 5 && !seen)
        sink.write({
          type: 'harness',
          tMs: clock.nowMs(),
          kind: 'note',
          detail: 'in-page monitor not found (globalThis.voiceSoakMonitor): no ws/rt/monitor records yet',
        });
      return 0;
    }
    seen = true;
    for (const line of result.lines) {
      try {
        sink.write(rebaseMonitorRecord(line, result.monitorStartEpochMs, clock.startedAtEpochMs), 'monitor');
      } catch {
        sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'note', detail: `monitor line is not JSON: ${line.slice(0, 200)}` });
      }
    }
    return result.lines.length;
  };
  return {
    seen: () => seen,
    async pull() {
      if (inFlight || page.isClosed()) return 0;
      inFlight = true;
      const request = quietEvaluate(page, drainInPage).finally(() => (inFlight = false));
      let result: DrainResult | null;
      try {
        result = await withTimeout(request, timeoutMs, 'voiceSoakMonitor.drain()');
      } catch (error) {
        if (error instanceof TimeoutError) {
          sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'sample-timeout', detail: error.message });
          late = request.then(write, () => 0).finally(() => (late = null));
        } else request.catch(() => undefined);
        return 0; // navigation in progress or page gone: the next tick tries again
      }
      return write(result);
    },
    async flush(waitMs = 10_000) {
      if (late) await withTimeout(late, waitMs, 'late voiceSoakMonitor.drain()').catch(() => undefined);
    },
  };
}
