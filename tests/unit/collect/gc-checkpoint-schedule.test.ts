/** The heap collectors' shared schedule: GC records past warm-up start checkpoints under the sampler's lock, spaced or once, then a last one. */
import { expect, test } from '@playwright/test';
import { createGcCheckpointSchedule } from '../../../harness/collect/gc-checkpoint-schedule.ts';
import type { LogRecord } from '../../../harness/log/log-schema.ts';

function rig(options: { firstAfterMs: number; everyMs?: number }) {
  let nowMs = 0;
  const listeners = new Set<(r: LogRecord) => void>();
  const sink = {
    onRecord: (l: (r: LogRecord) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const events: string[] = [];
  let locked = false;
  let lock: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>) => {
    const next = lock.then(async () => {
      locked = true;
      try {
        return await fn();
      } finally {
        locked = false;
      }
    });
    lock = next.catch(() => undefined);
    return next;
  };
  let release: () => void = () => undefined;
  const schedule = createGcCheckpointSchedule({
    sink,
    clock: { nowMs: () => nowMs },
    exclusive,
    ...options,
    checkpoint: async (gcDetail) => {
      events.push(`${gcDetail} at ${nowMs}${locked ? ' locked' : ''}`);
      await new Promise<void>((resolve) => (release = resolve));
      events.push(`${gcDetail} done`);
    },
  });
  const emit = (record: LogRecord) => {
    for (const l of listeners) l(record);
  };
  const gc = async (tMs: number, detail?: string) => {
    nowMs = tMs;
    emit({ type: 'harness', tMs, kind: 'gc', ...(detail ? { detail } : {}) });
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await lock;
  };
  return { schedule, events, gc, emit, listeners, release: () => release(), isLocked: () => locked };
}

test('spaced: GCs past warm-up start a checkpoint under the lock at most every everyMs, from when the last began', async () => {
  const r = rig({ firstAfterMs: 5_000, everyMs: 10_000 });
  r.schedule.start();
  await r.gc(1_000, 'turn 1'); // warm-up
  await r.gc(6_000, 'turn 2');
  await r.gc(12_000, 'turn 3'); // 6 s after the last
  r.emit({ type: 'harness', tMs: 17_000, kind: 'note', detail: 'not a gc' });
  await r.gc(16_500); // 10.5 s after
  expect(r.events).toEqual(['turn 2 at 6000 locked', 'turn 2 done', 'gc at 16500 locked', 'gc done']);
});

test('once: only the first GC past warm-up, and the schedule stops listening', async () => {
  const r = rig({ firstAfterMs: 5_000 });
  r.schedule.start();
  await r.gc(4_999, 'early');
  await r.gc(5_000, 'turn 3');
  expect(r.listeners.size).toBe(0);
  await r.gc(60_000, 'turn 9');
  expect(r.events).toEqual(['turn 3 at 5000 locked', 'turn 3 done']);
});

test('stop() waits for a checkpoint already due and stops listening; last() runs under the lock', async () => {
  const r = rig({ firstAfterMs: 0, everyMs: 1_000 });
  r.schedule.start();
  r.emit({ type: 'harness', tMs: 2_000, kind: 'gc', detail: 'turn 1' });
  let stopped = false;
  const stopping = r.schedule.stop().then(() => (stopped = true));
  await new Promise((resolve) => setImmediate(resolve));
  expect(stopped).toBe(false);
  expect(r.listeners.size).toBe(0);
  r.release();
  await stopping;
  expect(r.events).toEqual(['turn 1 at 0 locked', 'turn 1 done']);
  expect(await r.schedule.last(async () => r.isLocked())).toBe(true);
});
