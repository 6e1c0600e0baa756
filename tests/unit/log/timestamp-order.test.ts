/** Timestamps that go backwards within one source are an error naming file, line and field; other orders are not. */
import { test, expect } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogHeader } from '../../../harness/log/log-schema.ts';
import { LogInputError, readLog } from '../../../harness/log/log-reader.ts';
import { synthLogText } from '../../e2e/cli/run-cli.ts';
import { testLogHeader } from './test-log-header.ts';

const dir = mkdtempSync(join(tmpdir(), 'voice-soak-order-'));
const HEADER: LogHeader = testLogHeader();
const cdp = (tMs: number) => ({ type: 'cdp', tMs, heapUsedBytes: 1e7, heapTotalBytes: 2e7, domNodes: 10, eventListeners: 2, documents: 1 });
const ws = (tMs: number, socketId = 'ws-1') => ({
  type: 'ws',
  tMs,
  socketId,
  url: 'ws://x',
  readyState: 1,
  bufferedAmountBytes: 0,
  framesSent: 0,
  framesReceived: 0,
  bytesSent: 0,
  bytesReceived: 0,
});
const rt = (tMs: number, socketId = 'ws-1') => ({ type: 'rt', tMs, socketId, kind: 'response-requested' });
const harness = (tMs: number, kind = 'turn-start') => ({ type: 'harness', tMs, kind });
const monitor = (tMs: number) => ({ type: 'monitor', tMs, kind: 'long-task', durationMs: 60 });
let n = 0;
const write = (...records: unknown[]): string => {
  const path = join(dir, `run${++n}.jsonl`);
  writeFileSync(path, `${[HEADER, ...records].map((r) => JSON.stringify(r)).join('\n')}\n`);
  return path;
};

async function rejection(path: string): Promise<LogInputError> {
  const error = await readLog(
    path,
    () => {},
    () => {},
  ).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${path} to be rejected`).toBeInstanceOf(LogInputError);
  return error as LogInputError;
}

test('a cdp sample earlier than the previous one: exit 2 naming file, line, field and both times', async () => {
  const path = write(cdp(10257.1), harness(10300), cdp(10234.5));
  const error = await rejection(path);
  expect(error.message).toBe(`${path}:4: tMs: 10234.5 is earlier than line 2 (10257.1): timestamps of CDP samples must not go backwards`);
  expect([error.line, error.field, error.exitCode]).toEqual([4, 'tMs', 2]);
});

test('a cdp sample at the same time as the previous one is rejected (strictly increasing)', async () => {
  const path = write(cdp(1000), cdp(1000));
  expect((await rejection(path)).message).toBe(`${path}:3: tMs: 1000 is the same as line 2: CDP samples must have strictly increasing timestamps`);
});

test('ws and rt per socket, and harness events, must not go backwards', async () => {
  const wsPath = write(ws(500), ws(400, 'ws-2'), ws(450));
  expect((await rejection(wsPath)).message).toBe(
    `${wsPath}:4: tMs: 450 is earlier than line 2 (500): timestamps of ws samples of socket "ws-1" must not go backwards`,
  );
  const rtPath = write(rt(500), rt(100));
  expect((await rejection(rtPath)).message).toMatch(/:3: tMs: 100 is earlier than line 2 \(500\): timestamps of rt events of socket "ws-1"/);
  const harnessPath = write(harness(2000), harness(1500, 'turn-end'));
  expect((await rejection(harnessPath)).message).toMatch(/:3: tMs: 1500 is earlier than line 2 \(2000\): timestamps of harness events/);
});

test('orders the harness really writes are accepted: sources interleaved, monitor and notes late, equal rt times', async () => {
  // The monitor is drained about once a second: its ws/rt/monitor records land after later cdp and harness ones.
  const path = write(
    cdp(1000),
    harness(1100),
    cdp(2000),
    ws(950),
    rt(960),
    rt(960),
    monitor(1900),
    monitor(1200),
    rt(1990),
    { type: 'harness', tMs: 900, kind: 'note', detail: 'invalid ws record from monitor: url: missing' },
    ws(1999.5, 'ws-2'),
    ws(1999.2, 'ws-2'),
    cdp(3000),
    harness(2999),
  );
  const seen: number[] = [];
  await readLog(
    path,
    () => {},
    (r) => seen.push(r.tMs),
  );
  expect(seen).toHaveLength(14);
});

test('synthetic logs read without a timestamp error', async () => {
  const path = join(dir, 'synth.jsonl');
  writeFileSync(path, synthLogText({ durationMs: 60_000, seed: 5 }));
  let records = 0;
  await readLog(
    path,
    () => {},
    () => records++,
  );
  expect(records).toBeGreaterThan(100);
});

test('a header with no records after it is an error, not an empty report', async () => {
  const path = write();
  const error = await rejection(path);
  expect(error.message).toBe(`${path}: no records after the header: nothing to analyze`);
  expect(error.exitCode).toBe(2);
});
