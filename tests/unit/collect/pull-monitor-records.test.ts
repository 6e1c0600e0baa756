import { runInThisContext } from 'node:vm';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { createMonitorPuller } from '../../../harness/collect/pull-monitor-records.ts';
import { logRecordSchema } from '../../../harness/log/log-schema.ts';

const HARNESS_START_EPOCH_MS = 1_700_000_000_000;
/** The page's monitor started 1.5 s after the harness clock's zero. */
const MONITOR_START_EPOCH_MS = HARNESS_START_EPOCH_MS + 1_500;

const QUEUED = [
  { type: 'monitor', tMs: 10, kind: 'message', eventType: 'response.created', handlerMs: 1, queueSize: 0 },
  { type: 'monitor', tMs: 20.25, kind: 'message', eventType: 'response.output_audio.delta', handlerMs: 5_500, queueSize: 3 },
  { type: 'monitor', tMs: 30, kind: 'playback', pendingChunks: 2, underrun: false },
];

type Monitor = { timeOriginMs: number; drain(): string[] };
const globals = globalThis as { voiceSoakMonitor?: Monitor };

/** Installs a stand-in for the in-page monitor in this worker's globalThis: the real drain function runs against it. */
function installMonitor(records: object[]): { drains: () => number } {
  const queue = records.map((r) => JSON.stringify(r));
  let drains = 0;
  globals.voiceSoakMonitor = {
    timeOriginMs: MONITOR_START_EPOCH_MS,
    drain: () => {
      drains++;
      return queue.splice(0);
    },
  };
  return { drains: () => drains };
}

/**
 * A page whose evaluations (the puller's CDP Runtime.evaluate, quiet-evaluate.ts) run the drain only when released
 * (a busy renderer runs it late) or after delayMs. It evaluates the expression it is sent, so the puller's own drain
 * code runs (against the stand-in monitor).
 */
function fakePage(delay: { ms: number } | 'manual') {
  let evaluations = 0;
  const pending: Array<() => void> = [];
  const session = {
    send(method: string, params: { expression: string }): Promise<{ result: { value: unknown } }> {
      expect(method).toBe('Runtime.evaluate');
      evaluations++;
      return new Promise((resolve, reject) => {
        const run = () => {
          try {
            resolve({ result: { value: runInThisContext(params.expression) } });
          } catch (error) {
            reject(error);
          }
        };
        if (delay === 'manual') pending.push(run);
        else setTimeout(run, delay.ms);
      });
    },
  };
  const page = {
    isClosed: () => false,
    context: () => ({ newCDPSession: async () => session }),
  };
  return {
    page: page as unknown as Page,
    evaluations: () => evaluations,
    release: () => {
      for (const run of pending.splice(0)) run();
    },
  };
}

/** A sink that keeps what was written, in order, on one timeline shared with the test's own events. */
function fakeSink(timeline: string[]) {
  const written: Array<{ record: Record<string, unknown>; source: string | undefined }> = [];
  return {
    written,
    sink: {
      write(record: unknown, source?: string) {
        const r = record as Record<string, unknown>;
        written.push({ record: r, source });
        timeline.push(`${String(r.type)}:${String(r.kind)}@${String(r.tMs)}`);
      },
    },
  };
}

const clock = { nowMs: () => 42, startedAtEpochMs: HARNESS_START_EPOCH_MS };

test.afterEach(() => {
  delete globals.voiceSoakMonitor;
});

test('a drain that times out is written when it returns, rebased and in order, and flush() resolves only after it', async () => {
  installMonitor(QUEUED);
  const timeline: string[] = [];
  const { sink, written } = fakeSink(timeline);
  const { page, evaluations } = fakePage({ ms: 150 });
  const puller = createMonitorPuller({ page, sink, clock, timeoutMs: 30 });

  expect(await puller.pull()).toBe(0);
  expect(written).toEqual([
    { record: { type: 'harness', tMs: 42, kind: 'sample-timeout', detail: 'voiceSoakMonitor.drain() timed out after 30 ms' }, source: undefined },
  ]);
  expect(puller.seen()).toBe(false);

  await puller.flush(5_000).then(() => timeline.push('flush resolved'));

  expect(timeline).toEqual(['harness:sample-timeout@42', 'monitor:message@1510', 'monitor:message@1520.25', 'monitor:playback@1530', 'flush resolved']);
  expect(written.slice(1)).toEqual(QUEUED.map((r) => ({ record: { ...r, tMs: r.tMs + 1_500 }, source: 'monitor' })));
  for (const { record } of written) expect(logRecordSchema.safeParse(record).success).toBe(true);
  expect(puller.seen()).toBe(true);
  expect(evaluations()).toBe(1);
});

test('while the late drain runs no second drain starts; afterwards the next pull drains afresh with no duplicates', async () => {
  const monitor = installMonitor(QUEUED);
  const timeline: string[] = [];
  const { sink, written } = fakeSink(timeline);
  const fake = fakePage('manual');
  const puller = createMonitorPuller({ page: fake.page, sink, clock, timeoutMs: 20 });

  expect(await puller.pull()).toBe(0); // timed out
  expect(await puller.pull()).toBe(0); // still in flight: skipped, not timed out again
  expect(fake.evaluations()).toBe(1);
  expect(written.map((w) => w.record.kind)).toEqual(['sample-timeout']);

  let flushed = false;
  const flushing = puller.flush(5_000).then(() => (flushed = true));
  await new Promise((resolve) => setTimeout(resolve, 60));
  expect(flushed).toBe(false); // flush waits for the drain still running in the page
  expect(monitor.drains()).toBe(0);

  fake.release();
  await flushing;
  expect(monitor.drains()).toBe(1);
  expect(written.filter((w) => w.source === 'monitor').map((w) => w.record.tMs)).toEqual([1510, 1520.25, 1530]);

  const next = puller.pull();
  await new Promise((resolve) => setTimeout(resolve, 0)); // the evaluation is sent once the page's session is open
  fake.release();
  expect(await next).toBe(0); // the late drain emptied the page's queue once; nothing is written twice
  expect(monitor.drains()).toBe(2);
  expect(written.filter((w) => w.source === 'monitor')).toHaveLength(3);
});

test('flush() is bounded by waitMs when the page never answers, and is immediate when nothing is late', async () => {
  installMonitor(QUEUED);
  const { sink, written } = fakeSink([]);
  const idle = createMonitorPuller({ page: fakePage({ ms: 1 }).page, sink, clock, timeoutMs: 500 });
  expect(await idle.pull()).toBe(3);
  let startedMs = performance.now();
  await idle.flush(5_000);
  expect(performance.now() - startedMs).toBeLessThan(50);

  const hung = fakePage('manual');
  const puller = createMonitorPuller({ page: hung.page, sink, clock, timeoutMs: 20 });
  expect(await puller.pull()).toBe(0);
  startedMs = performance.now();
  await puller.flush(150);
  const waitedMs = performance.now() - startedMs;
  expect(waitedMs).toBeGreaterThanOrEqual(140);
  expect(waitedMs).toBeLessThan(1_000);
  expect(written.filter((w) => w.source === 'monitor')).toHaveLength(3); // only the first puller's records
});
