/**
 * socket-drops and clock-jump (issue 10, item 3): a socket that closed mid-run without a planned reconnect or
 * hang-up is a warning naming when and which; planned ones and closes at the run's end are not; a wall-clock jump
 * is named with its size and time. Page logs get neither assertion.
 */
import { expect, test } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import type { LogRecord } from '../../../harness/log/log-schema.ts';
import { completeSoakLog, RUN_MS } from './complete-soak-log.ts';

const URL = 'ws://127.0.0.1:8787/v1/realtime';
const closed = (tMs: number): LogRecord => ({ type: 'harness', kind: 'ws-closed', tMs, detail: `socket closed: ${URL}`, data: { url: URL } });
const assertion = (extra: LogRecord[], id: string, source: 'harness' | 'page' = 'harness') =>
  analyze(completeSoakLog({ extra, source })).assertions.find((a) => a.id === id);

test('an unplanned socket close mid-run is a socket-drops warning with its time and URL', () => {
  const found = assertion([closed(42_000), closed(95_000)], 'socket-drops');
  expect(found).toMatchObject({ level: 'warn', passed: false, actual: 2 });
  expect(found!.message).toBe(`socket-drops: 2 socket close(s) the script did not plan, first at 42.0 s (${URL})`);
});

test('closes next to a planned reconnect, after the run-end, or none at all pass', () => {
  const reconnect: LogRecord = { type: 'harness', kind: 'reconnect', tMs: 60_000, turn: 3, detail: 'planned: window.voiceApp.reconnect()' };
  const found = assertion([reconnect, closed(61_200), closed(RUN_MS)], 'socket-drops'); // the last one as the run ends
  expect(found).toMatchObject({ passed: true, actual: 0 });
  expect(found!.message).toBe('socket-drops: no socket closed unplanned (2 close(s) in all)');
  expect(assertion([], 'socket-drops')?.passed).toBe(true);
  expect(assertion([closed(42_000)], 'socket-drops', 'page')).toBeUndefined();
});

test('a wall-clock jump is a clock-jump warning with its size and time; none passes', () => {
  const jump: LogRecord = { type: 'harness', kind: 'clock-jump', tMs: 30_000, detail: 'the wall clock jumped +3600.0 s', data: { jumpMs: 3_600_000 } };
  const found = assertion([jump], 'clock-jump');
  expect(found).toMatchObject({ level: 'warn', passed: false, actual: 1 });
  expect(found!.message).toMatch(/^clock-jump: the wall clock jumped \+3600 s at 30\.0 s \(1 jump\(s\)\); tMs is monotonic/);
  expect(assertion([], 'clock-jump')).toMatchObject({ passed: true, message: 'clock-jump: the wall clock ran steadily' });
});
