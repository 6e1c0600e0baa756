/**
 * The snapshot checkpoints over a fake CDP session that streams hand-built snapshots as chunk events: the first
 * snapshot follows the first turn-boundary GC past warm-up (not one before it), under the sampler's lock; finish()
 * forces a GC, takes the last one and writes one valid heap-snapshot-diff record; a failed snapshot is a note and
 * no diff, and no snapshot after warm-up says so.
 */
import { test, expect } from '@playwright/test';
import { createHeapSnapshotCheckpoints } from '../../../harness/collect/heap-snapshot-checkpoints.ts';
import { logRecordSchema, type LogRecord } from '../../../harness/log/log-schema.ts';
import { buildSnapshot, leakingPage } from './snapshot-fixture.ts';

function rig(options: { failSecond?: boolean } = {}) {
  let nowMs = 0;
  const calls: string[] = [];
  const records: LogRecord[] = [];
  const listeners = new Set<(r: LogRecord) => void>();
  const chunkListeners = new Set<(p: { chunk: string }) => void>();
  let locked = 0;
  let snapshots = 0;
  const sink = {
    write: (r: unknown) => {
      const record = logRecordSchema.parse(r);
      records.push(record);
      for (const l of [...listeners]) l(record);
    },
    onRecord: (l: (r: LogRecord) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const session = {
    async send(method: string) {
      calls.push(`${method}${locked ? ' (locked)' : ''}`);
      if (method === 'HeapProfiler.takeHeapSnapshot') {
        snapshots++;
        if (options.failSecond && snapshots === 2) throw new Error('Target crashed');
        const text = JSON.stringify(buildSnapshot(leakingPage(snapshots === 1 ? 10 : 40, 0)));
        for (let i = 0; i < text.length; i += 333) for (const l of chunkListeners) l({ chunk: text.slice(i, i + 333) });
        nowMs += 1200;
      }
      return {};
    },
    on: (_: string, l: (p: { chunk: string }) => void) => chunkListeners.add(l),
    off: (_: string, l: (p: { chunk: string }) => void) => chunkListeners.delete(l),
  };
  let lock: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>) => {
    const run = async () => {
      locked++;
      try {
        return await fn();
      } finally {
        locked--;
      }
    };
    const next = lock.then(run, run);
    lock = next.catch(() => undefined);
    return next;
  };
  const snapshotter = createHeapSnapshotCheckpoints({ session, sink, clock: { nowMs: () => nowMs }, exclusive, firstAfterMs: 10_000 });
  const gc = (tMs: number) => {
    nowMs = tMs;
    sink.write({ type: 'harness', tMs, kind: 'gc', detail: `turn at ${tMs}` });
  };
  return {
    snapshotter,
    calls,
    records,
    gc,
    notes: () => records.filter((r) => r.type === 'harness' && r.kind === 'note').map((r) => (r as { detail: string }).detail),
  };
}

test('first snapshot after the first GC past warm-up, the last at finish, one diff record', async () => {
  const { snapshotter, calls, records, gc, notes } = rig();
  snapshotter.start();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  gc(5_000);
  await settle();
  gc(12_000);
  await settle();
  gc(20_000);
  await snapshotter.finish();
  expect(calls.filter((c) => c.startsWith('HeapProfiler.takeHeapSnapshot'))).toEqual([
    'HeapProfiler.takeHeapSnapshot (locked)',
    'HeapProfiler.takeHeapSnapshot (locked)',
  ]);
  expect(calls.filter((c) => c.startsWith('HeapProfiler.collectGarbage'))).toEqual(['HeapProfiler.collectGarbage (locked)']);
  const diff = records.find((r) => r.type === 'heap-snapshot-diff');
  expect(diff).toMatchObject({
    snapshots: [{ reason: 'after warm-up (turn at 12000)', tMs: 12_000, takeMs: 1200 }, { reason: 'end' }],
    retainer: { constructor: 'Float32Array', sharedBy: 30, of: 31 },
  });
  expect(notes().filter((n) => n.startsWith('heap snapshot "'))).toHaveLength(2);
  expect(notes()[1]).toMatch(
    /^heap snapshot "after warm-up \(turn at 12000\)": 0\.0 MB of JSON, \d+ nodes, 0 detached DOM nodes; taken in 1200 ms \(\d+ ms of it parsing\)/,
  );
});

test('a failed snapshot is a note and no diff; no GC past warm-up says there is none', async () => {
  const failing = rig({ failSecond: true });
  failing.snapshotter.start();
  failing.gc(11_000);
  await failing.snapshotter.finish();
  expect(failing.records.some((r) => r.type === 'heap-snapshot-diff')).toBe(false);
  expect(failing.notes()).toContain('heap snapshot "end" failed: Target crashed');
  const early = rig();
  early.snapshotter.start();
  early.gc(3_000);
  await early.snapshotter.finish();
  expect(early.notes().at(-1)).toBe('heap snapshots: no snapshot after warm-up (no turn-boundary GC past it, or it failed): no diff');
});
