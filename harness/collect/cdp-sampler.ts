/**
 * 1 Hz (sampleIntervalMs) CDP sampling, streamed: each `cdp` record is written the moment it is taken, so a crash
 * loses at most the sample in flight.
 *
 * - Page session: Performance.getMetrics (heap, nodes, listeners, documents, frames, TaskDuration) and
 *   Runtime.getHeapUsage (ArrayBuffer backing stores, embedder heap). Browser session (optional):
 *   SystemInfo.getProcessInfo (CPU time per process). rendererMemory (optional): the page's renderer RSS (/proc).
 *   The main-thread probe also reads the in-page monitor's live counts (AudioContexts, tracks, peer connections,
 *   sockets). All of these run at once, so the sample costs about the slowest one.
 * - Every CDP call has a timeout (default 800 ms). A timed-out call writes a harness 'sample-timeout' event; until
 *   it settles, later calls of the same method are skipped (also with 'sample-timeout'), so a hung renderer never
 *   accumulates a queue of CDP requests.
 * - Self-scheduling and drift-free: tick n is due at start + n x interval; a tick is scheduled only after the
 *   previous one finished; slots that passed while a tick was slow are skipped, not queued.
 * - gcSample(): HeapProfiler.collectGarbage, then a sample with afterGc: true (turn boundaries).
 * - onTick: extra collection per tick (the in-page monitor drain), run after the sample under the same lock.
 * Never asks for the leak-detection DOM counters (that CDP call hangs, then crashes the renderer: PLATFORM.md).
 */
import type { HarnessClock } from './recording/harness-clock.ts';
import type { CdpSessionLike } from './browser-calls/cdp-session-like.ts';
import type { RecordSink } from './recording/record-sink.ts';
import type { CdpSample } from '../log/log-schema.ts';
import { readCdpSample, type CdpHeapUsage, type CdpMetric, type CdpProcessInfo, type RendererMemory } from './read-cdp-sample.ts';
import { TimeoutError, withTimeout } from './browser-calls/with-timeout.ts';

export interface CdpSamplerOptions {
  pageSession: CdpSessionLike;
  browserSession?: CdpSessionLike;
  sink: Pick<RecordSink, 'write'>;
  clock: Pick<HarnessClock, 'nowMs'>;
  intervalMs: number;
  timeoutMs?: number;
  /**
   * A renderer that has not answered Performance.getMetrics for this long is reported unresponsive (a harness
   * 'unresponsive' record, state 'began') and onUnresponsive is called once per episode. Default 10 s: longer than
   * the seed's 5 s event-processing timeout, so one slow handler is not a hung page.
   */
  unresponsiveAfterMs?: number;
  onUnresponsive?: (sinceMs: number) => void;
  onTick?: () => Promise<void>;
  /** The page's renderer RSS (renderer-memory.ts); read beside the CDP calls. */
  rendererMemory?: { read(): Promise<RendererMemory | undefined> };
}

export interface CdpSampler {
  start(): Promise<void>;
  /** Stops scheduling and waits for the tick in flight. */
  stop(): Promise<void>;
  /** Force a GC, then a sample marked afterGc. */
  gcSample(reason?: string): Promise<CdpSample | undefined>;
  /** Run fn under the sampler's lock (no overlap with a tick), e.g. an extra monitor drain. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  stats(): { samples: number; timeouts: number; skippedSlots: number };
}

const PROBE = 'Runtime.evaluate';
/** The probe's one expression: the monitor's live counts (null without a monitor). Cheap: a few counters. */
export const LIVE_COUNTS_PROBE = '(() => { const m = globalThis.voiceSoakMonitor; return m && typeof m.liveCounts === "function" ? m.liveCounts() : null; })()';
const TARGET_GONE = /target closed|session closed|has been closed|browser has been closed|not attached/i;

export function createCdpSampler(options: CdpSamplerOptions): CdpSampler {
  const { pageSession, browserSession, sink, clock, intervalMs } = options;
  const timeoutMs = options.timeoutMs ?? 800;
  const pending = new Set<string>();
  let lock: Promise<unknown> = Promise.resolve();
  let running = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let startMs = 0;
  let slot = 0;
  const stats = { samples: 0, timeouts: 0, skippedSlots: 0 };
  const unresponsiveAfterMs = options.unresponsiveAfterMs ?? 10_000;
  /** Start of the getMetrics call that has not been answered yet (null while the renderer answers). */
  let silentSinceMs: number | null = null;
  let reportedUnresponsive = false;

  const noteAnswered = (tMs: number) => {
    if (silentSinceMs !== null && reportedUnresponsive) {
      const forMs = tMs - silentSinceMs;
      sink.write({
        type: 'harness',
        tMs,
        kind: 'unresponsive',
        detail: `the page answered again after ${Math.round(forMs)} ms`,
        data: { sinceMs: silentSinceMs, forMs, state: 'ended' },
      });
    }
    silentSinceMs = null;
    reportedUnresponsive = false;
  };
  const checkUnresponsive = () => {
    if (silentSinceMs === null || reportedUnresponsive || stopped) return;
    const forMs = clock.nowMs() - silentSinceMs;
    if (forMs < unresponsiveAfterMs) return;
    reportedUnresponsive = true;
    sink.write({
      type: 'harness',
      tMs: clock.nowMs(),
      kind: 'unresponsive',
      detail: `the page has not answered for ${Math.round(forMs)} ms`,
      data: { sinceMs: silentSinceMs, forMs, state: 'began' },
    });
    options.onUnresponsive?.(silentSinceMs);
  };

  const timeoutEvent = (detail: string) => {
    stats.timeouts++;
    sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'sample-timeout', detail });
  };

  /** One CDP call under the timeout and the one-in-flight-per-method rule; undefined when skipped or failed. */
  async function call<T>(session: CdpSessionLike, method: string, params?: object): Promise<T | undefined> {
    if (pending.has(method)) {
      timeoutEvent(`${method} skipped: the previous call has not returned yet`);
      return undefined;
    }
    pending.add(method);
    const request = Promise.resolve(session.send(method, params)).finally(() => pending.delete(method));
    try {
      return await withTimeout(request, timeoutMs, method);
    } catch (error) {
      request.catch(() => undefined);
      if (error instanceof TimeoutError) timeoutEvent(error.message);
      else if (TARGET_GONE.test(String((error as Error)?.message))) stopScheduling(`${method}: ${(error as Error).message}`);
      else sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'note', detail: `${method} failed: ${(error as Error).message}` });
      return undefined;
    }
  }

  /**
   * Is the page's main thread answering? Performance.getMetrics is served off the main thread (measured, Chromium
   * 156: it kept answering through a 60 s blocked handler), so liveness is a one-token Runtime.evaluate, which waits
   * for the current task like the app's own events do.
   */
  async function probeMainThread(startedMs: number): Promise<unknown> {
    const probePending = pending.has(PROBE);
    const answer = await call<{ result?: { value?: unknown } }>(pageSession, PROBE, { expression: LIVE_COUNTS_PROBE, returnByValue: true });
    if (answer) {
      noteAnswered(clock.nowMs());
      return answer.result?.value;
    }
    if (silentSinceMs === null) silentSinceMs = probePending ? startedMs - timeoutMs : startedMs;
    checkUnresponsive();
    return undefined;
  }

  async function takeSample(afterGc: boolean): Promise<CdpSample | undefined> {
    const startedMs = clock.nowMs();
    const [metrics, processes, live, heapUsage, renderer] = await Promise.all([
      call<{ metrics: CdpMetric[] }>(pageSession, 'Performance.getMetrics'),
      browserSession ? call<{ processInfo: CdpProcessInfo[] }>(browserSession, 'SystemInfo.getProcessInfo') : undefined,
      probeMainThread(startedMs),
      call<CdpHeapUsage>(pageSession, 'Runtime.getHeapUsage'),
      options.rendererMemory?.read().catch(() => undefined),
    ]);
    if (!metrics || stopped) return undefined;
    const tMs = clock.nowMs();
    const sample = readCdpSample(metrics.metrics, processes?.processInfo, { tMs, sampleLatencyMs: tMs - startedMs, afterGc }, { heapUsage, renderer, live });
    sink.write(sample, 'cdp');
    stats.samples++;
    return sample;
  }

  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = lock.then(fn, fn);
    lock = next.catch(() => undefined);
    return next;
  }

  function stopScheduling(reason?: string) {
    if (!stopped && reason) sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'note', detail: `sampler stopped: ${reason}` });
    stopped = true;
    clearTimeout(timer);
  }

  function scheduleNext() {
    if (stopped) return;
    const elapsedMs = clock.nowMs() - startMs;
    const dueSlot = Math.floor(elapsedMs / intervalMs) + 1;
    if (dueSlot > slot + 1) stats.skippedSlots += dueSlot - slot - 1;
    slot = Math.max(slot + 1, dueSlot);
    timer = setTimeout(tick, Math.max(0, startMs + slot * intervalMs - clock.nowMs()));
  }

  async function tick() {
    await exclusive(async () => {
      if (stopped) return;
      await takeSample(false);
      if (options.onTick && !stopped) await options.onTick();
    }).catch((error) => {
      sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'note', detail: `sampler tick failed: ${(error as Error).message}` });
    });
    scheduleNext();
  }

  return {
    async start() {
      if (running) return;
      running = true;
      await call(pageSession, 'Performance.enable');
      startMs = clock.nowMs();
      slot = 0;
      await tick();
    },
    async stop() {
      stopScheduling();
      await lock;
    },
    gcSample: (reason) =>
      exclusive(async () => {
        if (stopped) return;
        await call(pageSession, 'HeapProfiler.collectGarbage');
        sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'gc', ...(reason ? { detail: reason } : {}) });
        return takeSample(true);
      }),
    exclusive,
    stats: () => ({ ...stats }),
  };
}
