import { expect, test } from '@playwright/test';
import { monitorRecordSchema, type MonitorRecord } from '../../../harness/log/log-schema.ts';
import { BACKLOG_ESCALATION_MS, Safeguards } from '../../../harness/monitor/safeguards.ts';

const LIMIT = 100;

/**
 * A fake app with a playback queue: `finished` chunks can be dropped by cleanupAudioChunks(), `playing` ones only by
 * interruptResponse(). Each tick the safeguard sees the queue length, as when the app calls recordPlayback().
 */
function fakeApp() {
  const records: MonitorRecord[] = [];
  const interruptReasons: string[] = [];
  const queue = { finished: 0, playing: 0 };
  const safeguards = new Safeguards({
    emit: (record) => records.push(monitorRecordSchema.parse(record)),
    hooks: () => ({
      cleanupAudioChunks: () => {
        const dropped = queue.finished;
        queue.finished = 0;
        return dropped;
      },
      interruptResponse: (reason: string) => {
        interruptReasons.push(reason);
        queue.playing = 0;
      },
    }),
    limits: () => ({ responseTimeoutMs: 10_000, eventProcessingTimeoutMs: 5_000, maxPendingAudioChunks: LIMIT, maxHeapBytes: 500 * 1024 * 1024 }),
    monitorState: () => ({}),
    warn: () => {},
  });
  const check = (tMs: number) => safeguards.pendingChunks(tMs, queue.finished + queue.playing);
  const interruptions = () => records.filter((r) => r.kind === 'interruption');
  const safeguardMessages = () => records.flatMap((r) => (r.kind === 'safeguard' ? [r.message] : []));
  return { records, interruptReasons, queue, safeguards, check, interruptions, safeguardMessages };
}

test('cleanup that helps: pending falls back under the limit, no interruption', () => {
  const app = fakeApp();
  for (let tMs = 0; tMs <= 10_000; tMs += 100) {
    app.queue.finished += 3; // finished chunks pile up; each cleanup removes them all
    app.check(tMs);
  }
  expect(app.safeguardMessages().length).toBeGreaterThanOrEqual(2);
  expect(app.safeguardMessages().every((m) => m.includes('cleanupAudioChunks() removed'))).toBe(true);
  expect(app.interruptions()).toEqual([]);
  expect(app.interruptReasons).toEqual([]);
});

test('cleanup that does not help: exactly one audio-backlog interruption per episode, re-armed below the limit', () => {
  const app = fakeApp();
  // Episode 1: a response keeps streaming chunks that are still playing; cleanup removes nothing.
  app.queue.playing = 150;
  for (let tMs = 0; tMs < BACKLOG_ESCALATION_MS; tMs += 100) app.check(tMs);
  expect(app.interruptions()).toEqual([]); // not before the escalation delay
  app.queue.playing = 150; // cleanup did nothing
  app.check(BACKLOG_ESCALATION_MS);
  expect(app.interruptReasons).toEqual(['audio-backlog']);
  expect(app.interruptions()).toEqual([{ type: 'monitor', tMs: BACKLOG_ESCALATION_MS, kind: 'interruption', reason: 'audio-backlog' }]);
  const escalated = app.records.find((r) => r.kind === 'safeguard' && r.message.includes('escalated to an interruption'));
  expect(escalated).toMatchObject({ name: 'audio-chunk-cleanup', state: { pendingChunks: 150, limit: LIMIT, escalated: true } });

  // Still above (the app keeps queueing even after the interruption): cleanups go on, no second interruption.
  for (let tMs = 2_100; tMs <= 8_000; tMs += 100) {
    app.queue.playing = 150;
    app.check(tMs);
  }
  expect(app.interruptions()).toHaveLength(1);
  expect(app.safeguardMessages().filter((m) => m.includes('cleanupAudioChunks() removed 0')).length).toBeGreaterThanOrEqual(6);

  // Back under the limit re-arms; episode 2 escalates once more, counted from its own first cleanup.
  app.queue.playing = 10;
  app.check(8_100);
  app.queue.playing = 200;
  for (let tMs = 9_000; tMs < 9_000 + BACKLOG_ESCALATION_MS; tMs += 100) app.check(tMs);
  expect(app.interruptions()).toHaveLength(1);
  for (let tMs = 9_000 + BACKLOG_ESCALATION_MS; tMs <= 15_000; tMs += 100) {
    app.queue.playing = 200;
    app.check(tMs);
  }
  expect(app.interruptions().map((r) => r.tMs)).toEqual([BACKLOG_ESCALATION_MS, 9_000 + BACKLOG_ESCALATION_MS]);
  expect(app.interruptReasons).toEqual(['audio-backlog', 'audio-backlog']);
});

test('a missing interruptResponse hook is reported, the interruption is still recorded once', () => {
  const records: MonitorRecord[] = [];
  const safeguards = new Safeguards({
    emit: (record) => records.push(record),
    hooks: () => ({}),
    limits: () => ({ responseTimeoutMs: 10_000, eventProcessingTimeoutMs: 5_000, maxPendingAudioChunks: LIMIT, maxHeapBytes: 1 }),
    monitorState: () => ({}),
    warn: () => {},
  });
  for (let tMs = 0; tMs <= 5_000; tMs += 500) safeguards.pendingChunks(tMs, 120);
  expect(records.filter((r) => r.kind === 'interruption')).toHaveLength(1);
  const escalated = records.find((r) => r.kind === 'safeguard' && r.message.includes('escalated'));
  expect(escalated?.kind === 'safeguard' && escalated.message).toContain('interruptResponse: hook not registered');
});
