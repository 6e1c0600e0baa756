/**
 * The socket tap's handlers in flight: a message counts as in flight from arrival until every handler call for it
 * has finished (an async one when its promise settles); each handled message reports how many earlier ones were
 * still in flight when it arrived (written to the log as queueSize), and one in flight too long is reported once.
 */
import { expect, test } from '@playwright/test';
import { SocketTap, type HandledMessage } from '../../../harness/monitor/socket-tap.ts';

/** Enough of a WebSocket for the tap: an EventTarget with an onmessage accessor on its prototype and send(). */
class FakeSocket extends EventTarget {
  readonly url = 'ws://127.0.0.1:1/realtime';
  readonly readyState = 1;
  readonly bufferedAmount = 0;
  private handler: ((event: Event) => unknown) | null = null;
  get onmessage(): ((event: Event) => unknown) | null {
    return this.handler;
  }
  set onmessage(handler: ((event: Event) => unknown) | null) {
    // As the browser's: the handler is attached natively, not through (the tap's patched) addEventListener.
    if (this.handler) EventTarget.prototype.removeEventListener.call(this, 'message', this.handler);
    this.handler = handler;
    if (handler) EventTarget.prototype.addEventListener.call(this, 'message', handler);
  }
  send(): void {}
  receive(data: string): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

function tapped() {
  let nowMs = 0;
  const handled: HandledMessage[] = [];
  const socket = new FakeSocket();
  const tap = new SocketTap(socket as unknown as WebSocket, 'ws-1', { now: () => nowMs, onFrame: () => {}, onMessageHandled: (m) => handled.push(m) });
  return { socket, tap, handled, advance: (ms: number) => (nowMs += ms) };
}

test('an awaiting handler keeps its message in flight until its promise settles; later messages count it', async () => {
  const { socket, tap, handled, advance } = tapped();
  const releases: (() => void)[] = [];
  socket.onmessage = () => new Promise<void>((resolve) => releases.push(resolve));
  socket.receive('{"type":"a"}');
  socket.receive('{"type":"b"}');
  expect(tap.handlersInFlight()).toBe(2);
  expect(handled).toEqual([]);
  advance(40);
  releases[0]!();
  await Promise.resolve();
  await Promise.resolve();
  expect(tap.handlersInFlight()).toBe(1);
  expect(handled.map((m) => [m.eventType, m.handlersInFlight, m.handlerMs])).toEqual([['a', 0, 40]]);
  socket.receive('{"type":"c"}');
  releases[1]!();
  releases[2]!();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(handled.map((m) => [m.eventType, m.handlersInFlight])).toEqual([
    ['a', 0],
    ['b', 1],
    ['c', 1],
  ]);
  expect(tap.handlersInFlight()).toBe(0);
});

test('synchronous handlers finish at once: nothing stays in flight', () => {
  const { socket, tap, handled } = tapped();
  socket.addEventListener('message', () => {});
  for (const type of ['a', 'b', 'c']) socket.receive(`{"type":"${type}"}`);
  expect(tap.handlersInFlight()).toBe(0);
  expect(handled.map((m) => m.handlersInFlight)).toEqual([0, 0, 0]);
});

test('a message still in its handlers past the limit is reported once, with how long it has been running', () => {
  const { socket, tap, advance } = tapped();
  socket.onmessage = () => new Promise<void>(() => {});
  socket.receive('{"type":"slow"}');
  advance(6_000);
  expect(tap.takeOverdueHandlers(6_000, 5_000)).toEqual([{ runningMs: 6_000, eventType: 'slow' }]);
  expect(tap.takeOverdueHandlers(7_000, 5_000)).toEqual([]);
});
