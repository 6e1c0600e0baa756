import { expect, test } from '@playwright/test';
import { createCdpSampler } from '../../../harness/collect/cdp-sampler.ts';
import { logRecordSchema, type LogRecord } from '../../../harness/log/log-schema.ts';

const METRICS = [
  { name: 'JSHeapUsedSize', value: 5_000_000 },
  { name: 'JSHeapTotalSize', value: 8_000_000 },
  { name: 'Nodes', value: 120 },
  { name: 'JSEventListeners', value: 30 },
  { name: 'Documents', value: 2 },
  { name: 'Frames', value: 1 },
  { name: 'TaskDuration', value: 0.25 },
];

/**
 * A fake CDP session: per-method delay (ms, or 'hang' until released), tracking calls in flight. maxInFlight() is
 * the most calls of one method at once (the sampler's main-thread probe runs beside getMetrics by design).
 */
function fakeSession(delayOf: (method: string, call: number) => number | 'hang' = () => 1) {
  const calls: string[] = [];
  const inFlightOf = new Map<string, number>();
  let maxInFlight = 0;
  const hung: Array<() => void> = [];
  return {
    calls,
    maxInFlight: () => maxInFlight,
    release: () => {
      for (const resolve of hung.splice(0)) resolve();
    },
    async send(method: string) {
      calls.push(method);
      const delay = delayOf(method, calls.filter((m) => m === method).length);
      inFlightOf.set(method, (inFlightOf.get(method) ?? 0) + 1);
      maxInFlight = Math.max(maxInFlight, inFlightOf.get(method)!);
      await new Promise<void>((resolve) => (delay === 'hang' ? hung.push(resolve) : setTimeout(resolve, delay)));
      inFlightOf.set(method, inFlightOf.get(method)! - 1);
      if (method === 'Performance.getMetrics') return { metrics: METRICS };
      if (method === 'SystemInfo.getProcessInfo') return { processInfo: [{ type: 'renderer', id: 42, cpuTime: 1.5 }] };
      return {};
    },
  };
}

function harness(session: ReturnType<typeof fakeSession>, intervalMs: number, timeoutMs = 800, browser = fakeSession()) {
  const records: LogRecord[] = [];
  const origin = performance.now();
  const clock = { nowMs: () => performance.now() - origin };
  const sink = { write: (record: unknown) => records.push(logRecordSchema.parse(record)) };
  const sampler = createCdpSampler({ pageSession: session, browserSession: browser, sink, clock, intervalMs, timeoutMs });
  return { records, sampler, cdp: () => records.filter((r) => r.type === 'cdp') };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('samples on a drift-free schedule and writes valid cdp records with CPU per process', async () => {
  const session = fakeSession(() => 3);
  const { sampler, cdp } = harness(session, 50);
  await sampler.start();
  await sleep(1_030);
  await sampler.stop();
  const samples = cdp();
  expect(samples.length).toBeGreaterThanOrEqual(19);
  expect(samples.length).toBeLessThanOrEqual(22);
  // Drift-free: sample k starts at start + k*50 ms, so its offset within the slot does not grow.
  const first = samples[0]!.tMs - (samples[0]!.sampleLatencyMs ?? 0);
  const lateness = samples.map((s, k) => s.tMs - (s.sampleLatencyMs ?? 0) - first - k * 50);
  expect(Math.max(...lateness.slice(-5))).toBeLessThan(25);
  expect(samples[0]).toMatchObject({
    heapUsedBytes: 5_000_000,
    domNodes: 120,
    taskDurationS: 0.25,
    cpu: [{ processType: 'renderer', id: 42, cpuTimeS: 1.5 }],
    afterGc: false,
  });
  expect(session.calls.filter((method) => method.endsWith('ForLeakDetection'))).toEqual([]);
});

test('a hung CDP call times out, is reported, and later ticks skip it instead of piling up', async () => {
  const session = fakeSession((method, call) => (method === 'Performance.getMetrics' && call === 2 ? 'hang' : 1));
  const { sampler, records, cdp } = harness(session, 40, 100);
  await sampler.start();
  await sleep(600);
  expect(session.maxInFlight()).toBe(1);
  const timeouts = records.filter((r) => r.type === 'harness' && r.kind === 'sample-timeout' && r.detail?.startsWith('Performance.getMetrics'));
  expect(timeouts[0]).toMatchObject({ detail: 'Performance.getMetrics timed out after 100 ms' });
  expect(timeouts.slice(1).every((r) => r.type === 'harness' && /skipped: the previous call has not returned yet/.test(r.detail ?? ''))).toBe(true);
  expect(timeouts.length).toBeGreaterThan(5);
  const before = cdp().length;
  session.release();
  await sleep(200);
  await sampler.stop();
  expect(cdp().length).toBeGreaterThan(before + 2); // recovers once the call returns
  expect(session.calls.filter((m) => m === 'Performance.getMetrics').length).toBeLessThan(before + 10);
});

test('a slow sample never overlaps the next tick; missed slots are skipped, not queued', async () => {
  const session = fakeSession((method) => (method === 'Performance.getMetrics' ? 120 : 1));
  const { sampler, cdp } = harness(session, 50);
  await sampler.start();
  await sleep(1_000);
  await sampler.stop();
  expect(session.maxInFlight()).toBe(1);
  expect(cdp().length).toBeGreaterThanOrEqual(5);
  expect(cdp().length).toBeLessThanOrEqual(8); // 1000 ms / (120 ms busy -> next free 150 ms slot)
  expect(sampler.stats().skippedSlots).toBeGreaterThan(5);
});

test('gcSample collects garbage first, then writes a gc event and an afterGc sample, serialized with ticks', async () => {
  const session = fakeSession(() => 5);
  const { sampler, records } = harness(session, 1_000);
  await sampler.start();
  await sampler.gcSample('turn 1 end');
  await sampler.stop();
  const gcAt = session.calls.indexOf('HeapProfiler.collectGarbage');
  expect(gcAt).toBeGreaterThan(0);
  expect(session.calls.slice(gcAt + 1)).toContain('Performance.getMetrics');
  const tail = records.slice(-2);
  expect(tail[0]).toMatchObject({ type: 'harness', kind: 'gc', detail: 'turn 1 end' });
  expect(tail[1]).toMatchObject({ type: 'cdp', afterGc: true });
  expect(session.maxInFlight()).toBe(1);
});

test('a main thread that stops answering is reported unresponsive once, after the limit, and again when it answers', async () => {
  let hang = false;
  const session = fakeSession((method) => (method === 'Runtime.evaluate' && hang ? 'hang' : 1));
  const records: LogRecord[] = [];
  const origin = performance.now();
  const hungAt: number[] = [];
  const sampler = createCdpSampler({
    pageSession: session,
    sink: { write: (r) => records.push(logRecordSchema.parse(r)) },
    clock: { nowMs: () => performance.now() - origin },
    intervalMs: 40,
    timeoutMs: 60,
    unresponsiveAfterMs: 300,
    onUnresponsive: (sinceMs) => hungAt.push(sinceMs),
  });
  await sampler.start();
  await sleep(200);
  hang = true;
  const hangFromMs = performance.now() - origin;
  await sleep(250);
  expect(hungAt).toEqual([]); // not yet: under the limit
  await sleep(300);
  expect(hungAt.length).toBe(1);
  expect(hungAt[0]!).toBeGreaterThanOrEqual(hangFromMs - 60);
  expect(hungAt[0]!).toBeLessThan(hangFromMs + 100);
  const samplesWhileHung = records.filter((r) => r.type === 'cdp' && r.tMs > hangFromMs + 100).length;
  expect(samplesWhileHung).toBeGreaterThan(3); // memory sampling goes on: getMetrics is not on the main thread
  hang = false;
  session.release();
  await sleep(150);
  await sampler.stop();
  const unresponsive = records.filter((r) => r.type === 'harness' && r.kind === 'unresponsive').map((r) => (r as { data?: Record<string, unknown> }).data);
  expect(unresponsive.map((d) => d?.state)).toEqual(['began', 'ended']);
  expect(unresponsive[0]?.sinceMs).toBe(hungAt[0]);
  expect(Number(unresponsive[1]?.forMs)).toBeGreaterThan(500);
});

test('a closed target stops the schedule with one note', async () => {
  let closed = false;
  const session = {
    calls: [] as string[],
    async send(method: string) {
      if (closed) throw new Error('Target page, context or browser has been closed');
      return method === 'Performance.getMetrics' ? { metrics: METRICS } : {};
    },
  };
  const records: LogRecord[] = [];
  const origin = performance.now();
  const sampler = createCdpSampler({
    pageSession: session,
    sink: { write: (r) => records.push(logRecordSchema.parse(r)) },
    clock: { nowMs: () => performance.now() - origin },
    intervalMs: 20,
  });
  await sampler.start();
  await sleep(70);
  closed = true;
  await sleep(100);
  const count = records.length;
  await sleep(100);
  expect(records.length).toBe(count);
  expect(records.filter((r) => r.type === 'harness' && /sampler stopped/.test(r.detail ?? '')).length).toBe(1);
  await sampler.stop();
});
