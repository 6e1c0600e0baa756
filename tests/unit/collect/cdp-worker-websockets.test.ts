import { expect, test } from '@playwright/test';
import { startCdpWorkerWebSocketWatch } from '../../../harness/collect/cdp-worker-websockets.ts';
import { logRecordSchema, type LogRecord } from '../../../harness/log/log-schema.ts';

type Listener = (params: unknown) => void;
/** A CDP command as the fake session receives it: Target.sendMessageToTarget carries the next one as JSON. */
interface Command {
  id?: number;
  method: string;
  params?: unknown;
}
/** The params of Target.sendMessageToTarget in the non-flattened protocol. */
interface SendMessageToTargetParams {
  sessionId: string;
  message: string;
}

/**
 * A fake Playwright CDPSession speaking the non-flattened Target protocol: commands sent into a child session are
 * answered by `answer` (undefined: never answered), events are fed by hand with emit/fromTarget.
 */
function fakeSession(answer: (method: string, sessionPath: string[]) => object | undefined = () => ({ result: {} })) {
  const listeners = new Map<string, Set<Listener>>();
  const sent: Array<{ path: string[]; method: string; params: unknown }> = [];
  const emit = (event: string, params: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(params);
  };
  /** A message from the target reached through sessionPath (outer session first), wrapped once per level. */
  const fromTarget = (sessionPath: string[], message: object) => {
    let wrapped: object = message;
    for (const sessionId of [...sessionPath].reverse().slice(0, -1)) {
      wrapped = { method: 'Target.receivedMessageFromTarget', params: { sessionId, message: JSON.stringify(wrapped) } };
    }
    emit('Target.receivedMessageFromTarget', { sessionId: sessionPath[0], message: JSON.stringify(wrapped) });
  };
  return {
    sent,
    emit,
    fromTarget,
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
    on: (event: string, listener: Listener) => void (listeners.get(event) ?? listeners.set(event, new Set()).get(event)!).add(listener),
    off: (event: string, listener: Listener) => void listeners.get(event)?.delete(listener),
    async send(method: string, params?: unknown) {
      // Unwrap nested Target.sendMessageToTarget down to the command and the path of sessions it travels.
      const path: string[] = [];
      let [command, commandParams] = [method, params];
      while (command === 'Target.sendMessageToTarget') {
        const { sessionId, message } = commandParams as SendMessageToTargetParams;
        path.push(sessionId);
        const inner = JSON.parse(message) as Command;
        [command, commandParams] = [inner.method, inner.params];
        if (inner.method !== 'Target.sendMessageToTarget') {
          const reply = answer(command, path);
          if (reply) setTimeout(() => fromTarget(path, { id: inner.id, ...reply }), 1);
        }
      }
      sent.push({ path, method: command, params: commandParams });
      if (method === 'Target.getTargetInfo') return { targetInfo: { targetId: 'PAGE', type: 'page', browserContextId: 'CTX' } };
      return {};
    },
  };
}

const attach = (session: ReturnType<typeof fakeSession>, sessionId: string, type: string, url: string) =>
  session.emit('Target.attachedToTarget', { sessionId, targetInfo: { targetId: `T-${sessionId}`, type, url }, waitingForDebugger: false });
const event = (method: string, params: object) => ({ method, params });
const sentFrame = (requestId: string, payloadData: string) => event('Network.webSocketFrameSent', { requestId, response: { opcode: 1, payloadData } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function watchWith(session: ReturnType<typeof fakeSession>, extra: { browserSession?: ReturnType<typeof fakeSession>; timeoutMs?: number } = {}) {
  const records: LogRecord[] = [];
  const watch = await startCdpWorkerWebSocketWatch({ session, write: (r) => void records.push(logRecordSchema.parse(r)), nowMs: () => 42, ...extra });
  return { watch, records, workerWs: () => records.filter((r) => r.type === 'harness' && r.kind === 'worker-ws') };
}

test('auto-attaches unflattened, enables Network in each worker and counts its sockets into worker-ws records', async () => {
  const session = fakeSession();
  const { watch, workerWs } = await watchWith(session);
  expect(session.sent[0]).toEqual({ path: [], method: 'Target.setAutoAttach', params: { autoAttach: true, waitForDebuggerOnStart: false, flatten: false } });

  attach(session, 'S1', 'worker', 'http://127.0.0.1:9/audio-worker.js?token=abc');
  attach(session, 'F1', 'iframe', 'http://127.0.0.1:9/frame.html');
  expect(session.sent.filter((c) => c.path[0] === 'S1').map((c) => c.method)).toEqual(['Network.enable', 'Target.setAutoAttach']);
  expect(session.sent.find((c) => c.method === 'Target.detachFromTarget')?.params).toEqual({ sessionId: 'F1' });

  session.fromTarget(['S1'], event('Network.webSocketCreated', { requestId: 'r1', url: 'wss://api.test/rt?api-key=k1' }));
  for (let i = 0; i < 3; i++) session.fromTarget(['S1'], sentFrame('r1', 'ab'));
  session.fromTarget(['S1'], event('Network.webSocketFrameReceived', { requestId: 'r1', response: { opcode: 2, payloadData: 'AAAA' } }));
  watch.snapshot();
  expect(workerWs()).toEqual([
    {
      type: 'harness',
      tMs: 42,
      kind: 'worker-ws',
      data: {
        url: 'wss://api.test/rt?api-key=***',
        worker: 'http://127.0.0.1:9/audio-worker.js?token=***',
        framesSent: 3,
        framesReceived: 1,
        bytesSent: 6,
        bytesReceived: 3,
        closed: false,
        socketId: 'T-S1/r1',
      },
    },
  ]);
});

test('a nested worker is reached through its parent; detaching the parent ends both sockets', async () => {
  const session = fakeSession();
  const { watch, workerWs } = await watchWith(session);
  attach(session, 'OUTER', 'worker', 'http://h/outer.js');
  session.fromTarget(
    ['OUTER'],
    event('Target.attachedToTarget', { sessionId: 'INNER', targetInfo: { targetId: 'T-IN', type: 'worker', url: 'http://h/inner.js' } }),
  );
  expect(session.sent.filter((c) => c.path.join('/') === 'OUTER/INNER').map((c) => c.method)).toEqual(['Network.enable', 'Target.setAutoAttach']);

  session.fromTarget(['OUTER', 'INNER'], event('Network.webSocketCreated', { requestId: 'r', url: 'ws://127.0.0.1:1/inner' }));
  session.fromTarget(['OUTER', 'INNER'], sentFrame('r', 'x'));
  session.fromTarget(['OUTER'], event('Network.webSocketCreated', { requestId: 'r', url: 'ws://127.0.0.1:1/outer' }));
  session.emit('Target.detachedFromTarget', { sessionId: 'OUTER' });
  watch.snapshot();
  watch.snapshot();
  expect(workerWs().map((r) => r.type === 'harness' && [r.data?.socketId, r.data?.url, r.data?.worker, r.data?.framesSent, r.data?.closed, r.detail])).toEqual([
    ['T-IN/r', 'ws://127.0.0.1:1/inner', 'http://h/inner.js', 1, true, 'the worker ended'],
    ['T-OUTER/r', 'ws://127.0.0.1:1/outer', 'http://h/outer.js', 0, true, 'the worker ended'],
  ]);
});

test('failures become notes, nothing throws into the session, and stop() lets go of everything', async () => {
  const session = fakeSession((method) => (method === 'Network.enable' ? undefined : { error: { message: 'nope' } }));
  const { watch, records, workerWs } = await watchWith(session, { timeoutMs: 30 });
  expect(() => {
    session.emit('Target.receivedMessageFromTarget', { sessionId: 'unknown', message: '{}' });
    attach(session, 'S1', 'worker', 'http://h/w.js');
    session.emit('Target.receivedMessageFromTarget', { sessionId: 'S1', message: 'not json' });
    session.fromTarget(['S1'], event('Network.webSocketFrameSent', { requestId: 'r' })); // no response field
  }).not.toThrow();
  await sleep(80);
  const notes = records.flatMap((r) => (r.type === 'harness' && r.kind === 'note' ? [r.detail] : []));
  expect(notes).toEqual([
    'worker-ws: Target.setAutoAttach in worker http://h/w.js failed: Target.setAutoAttach: nope',
    'worker-ws: Network.enable in worker http://h/w.js failed: Network.enable in worker timed out after 30 ms',
  ]);
  watch.snapshot();
  expect(workerWs()).toMatchObject([{ detail: expect.stringContaining('url unknown'), data: { url: '?', framesSent: 1 } }]);

  await watch.stop();
  expect(session.sent.slice(-2).map((c) => [c.method, c.params])).toEqual([
    ['Target.setAutoAttach', { autoAttach: false, waitForDebuggerOnStart: false, flatten: false }],
    ['Target.detachFromTarget', { sessionId: 'S1' }],
  ]);
  expect(session.listenerCount()).toBe(0);
});

test("SharedWorkers are discovered on the browser session, only in the page's browser context", async () => {
  const [page, browser] = [fakeSession(), fakeSession()];
  const { watch, workerWs } = await watchWith(page, { browserSession: browser });
  expect(browser.sent.map((c) => c.method)).toEqual(['Target.setDiscoverTargets']);
  const created = (targetId: string, type: string, browserContextId: string) =>
    browser.emit('Target.targetCreated', { targetInfo: { targetId, type, url: `http://h/${targetId}.js`, browserContextId } });
  created('sw1', 'shared_worker', 'CTX');
  created('sw1', 'shared_worker', 'CTX'); // announced twice: attached once
  created('sw2', 'shared_worker', 'OTHER');
  created('p2', 'page', 'CTX');
  expect(browser.sent.filter((c) => c.method === 'Target.attachToTarget').map((c) => c.params)).toEqual([{ targetId: 'sw1', flatten: false }]);

  browser.emit('Target.attachedToTarget', {
    sessionId: 'B1',
    targetInfo: { targetId: 'sw1', type: 'shared_worker', url: 'http://h/sw1.js', browserContextId: 'CTX' },
  });
  browser.fromTarget(['B1'], sentFrame('r', 'hi'));
  watch.snapshot();
  expect(workerWs()).toMatchObject([{ data: { worker: 'http://h/sw1.js', framesSent: 1, bytesSent: 2 } }]);
  await watch.stop();
  expect(browser.sent.map((c) => c.method).slice(-2)).toEqual(['Target.setDiscoverTargets', 'Target.detachFromTarget']);
});
