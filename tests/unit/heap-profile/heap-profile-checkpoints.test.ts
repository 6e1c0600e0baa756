import { test, expect } from '@playwright/test';
import { createHeapProfileCheckpoints } from '../../../harness/collect/heap-profile-checkpoints.ts';
import type { LogRecord } from '../../../harness/log/log-schema.ts';
import { APP_URL, leakProfile } from './sampling-profile-fixture.ts';

function rig(options: { failProfile?: boolean } = {}) {
  let nowMs = 0;
  const calls: Array<{ method: string; params?: object }> = [];
  const records: LogRecord[] = [];
  const listeners = new Set<(r: LogRecord) => void>();
  let lock: Promise<unknown> = Promise.resolve();
  let bytes = 1_000_000;
  const sink = {
    write: (r: unknown) => {
      records.push(r as LogRecord);
      for (const l of listeners) l(r as LogRecord);
    },
    onRecord: (l: (r: LogRecord) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const session = {
    async send(method: string, params?: object) {
      calls.push({ method, ...(params ? { params } : {}) });
      if (method === 'HeapProfiler.getSamplingProfile') {
        if (options.failProfile) throw new Error('Target crashed');
        bytes += 500_000;
        return { profile: leakProfile(bytes, 50_000) };
      }
      return {};
    },
  };
  const exclusive = <T>(fn: () => Promise<T>) => {
    const next = lock.then(fn, fn);
    lock = next.catch(() => undefined);
    return next;
  };
  const fetchText = async (url: string) => ({ error: `no ${url}` });
  const profiler = createHeapProfileCheckpoints({
    session,
    sink,
    clock: { nowMs: () => nowMs },
    exclusive,
    samplingIntervalBytes: 4096,
    checkpointEveryMs: 10_000,
    fetchText,
  });
  const gc = async (tMs: number, detail: string) => {
    nowMs = tMs;
    sink.write({ type: 'harness', tMs, kind: 'gc', detail });
    await lock;
  };
  return { profiler, calls, records, gc, setNow: (t: number) => (nowMs = t) };
}

test('starts live-only sampling, checkpoints at GC records at most every checkpointEveryMs, and a last one with its own GC', async () => {
  const { profiler, calls, records, gc, setNow } = rig();
  await profiler.start();
  expect(calls.slice(0, 2)).toEqual([
    { method: 'HeapProfiler.enable' },
    {
      method: 'HeapProfiler.startSampling',
      params: { samplingInterval: 4096, includeObjectsCollectedByMajorGC: false, includeObjectsCollectedByMinorGC: false },
    },
  ]);
  await gc(1_000, 'conversation-start');
  await gc(5_000, 'turn 1 end'); // too soon
  await gc(12_000, 'turn 2 end');
  setNow(15_000);
  await profiler.finish();
  const methods = calls.map((c) => c.method);
  expect(methods.filter((m) => m === 'HeapProfiler.getSamplingProfile')).toHaveLength(3);
  expect(methods.slice(-3)).toEqual(['HeapProfiler.collectGarbage', 'HeapProfiler.getSamplingProfile', 'HeapProfiler.stopSampling']);
  const sites = records.filter((r) => r.type === 'heap-sites');
  expect(sites.map((r) => [r.tMs, r.reason])).toEqual([
    [1_000, 'conversation-start'],
    [12_000, 'turn 2 end'],
    [15_000, 'end'],
  ]);
  expect(sites[2]!.sites[0]).toMatchObject({ fn: 'tick', url: APP_URL.split('?')[0], line: 261, col: 16 });
  expect(sites.every((r) => r.samplingIntervalBytes === 4096 && r.totalBytes > 0)).toBe(true);
  // A script whose source map cannot be fetched is noted once, and its sites stay unmapped.
  expect(records.filter((r) => r.type === 'harness' && r.kind === 'note' && r.detail?.includes('no source map'))).toHaveLength(1);
  expect(sites[2]!.sites[0]!.source).toBeUndefined();
});

test('a failing checkpoint is a note and the soak goes on; nothing is sampled after finish', async () => {
  const { profiler, records, gc, calls } = rig({ failProfile: true });
  await profiler.start();
  await gc(1_000, 'conversation-start');
  await profiler.finish();
  await gc(60_000, 'late');
  expect(records.filter((r) => r.type === 'heap-sites')).toEqual([]);
  const notes = records.filter((r) => r.type === 'harness' && r.kind === 'note').map((r) => (r as { detail?: string }).detail);
  expect(notes).toContain('heap profile: checkpoint "conversation-start" failed: Target crashed');
  expect(notes).toContain('heap profile: checkpoint "end" failed: Target crashed');
  expect(calls.filter((c) => c.method === 'HeapProfiler.getSamplingProfile')).toHaveLength(2);
});
