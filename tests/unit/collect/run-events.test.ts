/** What cuts a conversation short: the first reason wins, a failure caused by a dead browser is that stop, others are thrown. */
import { EventEmitter } from 'node:events';
import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { createEarlyStop } from '../../../harness/collect/early-stop.ts';
import { createRunEvents, stopOnLogFailure } from '../../../harness/collect/run-events.ts';

function rig() {
  const records: Array<{ kind?: string; detail?: string }> = [];
  const browser = Object.assign(new EventEmitter(), {
    connected: true,
    isConnected() {
      return this.connected;
    },
  });
  const page = new EventEmitter();
  const early = createEarlyStop();
  let nowMs = 12_300;
  const events = createRunEvents({
    early,
    browser: browser as unknown as Browser,
    sink: { write: (r) => void records.push(r as { kind?: string }) },
    clock: { nowMs: () => nowMs },
  });
  events.watch(page as unknown as Page);
  return { records, browser, page, early, events, setNow: (t: number) => (nowMs = t) };
}

test('a renderer crash stops the conversation with its reason and a crash record; the note says why it stopped', async () => {
  const r = rig();
  let finish: () => void = () => undefined;
  const waiting = r.events.untilStopped(new Promise<void>((resolve) => (finish = resolve)));
  r.page.emit('crash');
  await waiting;
  finish();
  expect(r.early.reason).toBe('renderer crashed at 12.3 s');
  expect(r.records.map((x) => x.kind)).toEqual(['crash', 'note']);
  expect(r.records[1]?.detail).toBe('conversation stopped: renderer crashed at 12.3 s');
});

test('a conversation that failed on a gone browser is a stop with one crash record, even before the disconnected event; closing after ended() adds none', async () => {
  const r = rig();
  r.browser.connected = false;
  await r.events.untilStopped(Promise.reject(new Error('Target closed')));
  expect(r.early.reason).toBe('browser gone at 12.3 s');
  const crashes = () => r.records.filter((x) => x.kind === 'crash').map((x) => x.detail);
  expect(crashes()).toEqual(['browser disconnected (killed, crashed or closed during the run)']);
  r.events.ended();
  r.browser.emit('disconnected');
  expect(crashes()).toHaveLength(1);
});

test('the disconnected event during the run is one crash record, however the failure that follows is seen', async () => {
  const r = rig();
  const waiting = r.events.untilStopped(Promise.reject(new Error('Target closed')));
  r.browser.connected = false;
  r.browser.emit('disconnected');
  await waiting;
  expect(r.records.filter((x) => x.kind === 'crash')).toHaveLength(1);
  expect(r.early.reason).toBe('browser gone at 12.3 s');
});

test('the browser closing after ended() is no crash', () => {
  const r = rig();
  r.events.ended();
  r.browser.connected = false;
  r.browser.emit('disconnected');
  expect(r.records.filter((x) => x.kind === 'crash')).toEqual([]);
});

test('any other failure is thrown; ws-closed, unresponsive and a full disk are recorded or stop the run', async () => {
  const r = rig();
  await expect(r.events.untilStopped(Promise.reject(new Error('selector not found')))).rejects.toThrow('selector not found');
  r.events.socketClosed('ws://127.0.0.1:1/x');
  expect(r.records.at(-1)).toMatchObject({ kind: 'ws-closed', detail: 'socket closed: ws://127.0.0.1:1/x' });
  r.events.unresponsive(7_400);
  expect(r.early.reason).toBe('page unresponsive since 7.4 s');
  const early = createEarlyStop();
  const errors: string[] = [];
  const original = console.error;
  console.error = (line: string) => void errors.push(line);
  try {
    stopOnLogFailure(early, { nowMs: () => 5_000 }, 'run.jsonl')('ENOSPC');
  } finally {
    console.error = original;
  }
  expect(early.reason).toBe('log write failed at 5.0 s (ENOSPC)');
  expect(errors[0]).toContain('run.jsonl: log write failed');
});
