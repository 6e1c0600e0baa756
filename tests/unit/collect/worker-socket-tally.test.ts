import { expect, test } from '@playwright/test';
import { createWorkerSocketTally } from '../../../harness/collect/worker-socket-tally.ts';
import { redactSocketUrl } from '../../../harness/collect/redact-socket-url.ts';

const WORKER = 'http://127.0.0.1:9/worker.js';
const frame = (requestId: string, opcode: number, payloadData: string) => ({ requestId, timestamp: 1, response: { opcode, mask: true, payloadData } });

test('frames and payload bytes are counted per socket and per worker; payloads are not kept', () => {
  const tally = createWorkerSocketTally();
  tally.onEvent('W1', WORKER, 'Network.webSocketCreated', { requestId: '7.1', url: 'wss://api.test/v1/realtime?model=m&api-key=k123' });
  tally.onEvent('W1', WORKER, 'Network.webSocketFrameSent', frame('7.1', 1, 'héllo')); // 6 UTF-8 bytes
  tally.onEvent('W1', WORKER, 'Network.webSocketFrameSent', frame('7.1', 2, 'AAECAw==')); // 4 binary bytes
  tally.onEvent('W1', WORKER, 'Network.webSocketFrameReceived', frame('7.1', 2, 'AAEC')); // 3 binary bytes
  // The same requestId in another worker is another socket.
  tally.onEvent('W2', 'blob:http://127.0.0.1:9/abc', 'Network.webSocketFrameReceived', frame('7.1', 1, '{}'));
  tally.onEvent('W1', WORKER, 'Network.webSocketClosed', { requestId: '7.1', timestamp: 2 });
  tally.onEvent('W1', WORKER, 'Network.responseReceived', { requestId: 'script' }); // not a socket event

  expect(tally.counts()).toEqual([
    {
      socketId: 'W1/7.1',
      url: 'wss://api.test/v1/realtime?model=m&api-key=***',
      worker: WORKER,
      framesSent: 2,
      framesReceived: 1,
      bytesSent: 10,
      bytesReceived: 3,
      closed: true,
      urlFrom: 'created',
      workerEnded: false,
    },
    {
      socketId: 'W2/7.1',
      url: '?',
      worker: 'blob:http://127.0.0.1:9/abc',
      framesSent: 0,
      framesReceived: 1,
      bytesSent: 0,
      bytesReceived: 2,
      closed: false,
      urlFrom: 'unknown',
      workerEnded: false,
    },
  ]);
  expect(JSON.stringify(tally.counts())).not.toContain('AAEC');
});

test('a socket that opened before the watch takes its URL from the handshake request line', () => {
  const tally = createWorkerSocketTally();
  const handshake = (requestId: string, line: string) =>
    tally.onEvent('W', WORKER, 'Network.webSocketHandshakeResponseReceived', {
      requestId,
      response: { status: 101, requestHeadersText: `${line}\r\nHost: h.test:8443\r\nUpgrade: websocket\r\n\r\n` },
    });
  handshake('a', 'GET wss://h.test:8443/rt?token=abc HTTP/1.1');
  handshake('b', 'GET /rt?x-api-key=abc&model=m HTTP/1.1');
  handshake('c', 'garbage');
  expect(tally.counts().map(({ url, urlFrom }) => [url, urlFrom])).toEqual([
    ['wss://h.test:8443/rt?token=***', 'handshake'],
    ['//h.test:8443/rt?x-api-key=***&model=m', 'handshake'],
    ['?', 'unknown'],
  ]);
});

test('a worker that ends closes its sockets; a snapshot repeats a closed socket once, then drops it', () => {
  const tally = createWorkerSocketTally();
  tally.onEvent('W', WORKER, 'Network.webSocketCreated', { requestId: 'open', url: 'ws://127.0.0.1:1/a' });
  tally.onEvent('W', WORKER, 'Network.webSocketCreated', { requestId: 'shut', url: 'ws://127.0.0.1:1/b' });
  tally.onEvent('W', WORKER, 'Network.webSocketClosed', { requestId: 'shut' });
  tally.onEvent('X', WORKER, 'Network.webSocketCreated', { requestId: 'other', url: 'ws://127.0.0.1:1/c' });
  expect(tally.takeSnapshot().map((s) => s.url)).toEqual(['ws://127.0.0.1:1/a', 'ws://127.0.0.1:1/b', 'ws://127.0.0.1:1/c']);
  expect(tally.takeSnapshot().map((s) => s.url)).toEqual(['ws://127.0.0.1:1/a', 'ws://127.0.0.1:1/c']);
  tally.workerEnded('W');
  expect(tally.takeSnapshot().map((s) => [s.url, s.closed, s.workerEnded])).toEqual([
    ['ws://127.0.0.1:1/a', true, true],
    ['ws://127.0.0.1:1/c', false, false],
  ]);
  expect(tally.counts().find((s) => s.url.endsWith('/b'))).toMatchObject({ closed: true, workerEnded: false });
});

test('malformed events are counted as far as they go and never throw', () => {
  const tally = createWorkerSocketTally();
  expect(() => {
    tally.onEvent('W', WORKER, 'Network.webSocketFrameSent', undefined);
    tally.onEvent('W', WORKER, 'Network.webSocketFrameSent', { requestId: 'r' });
    tally.onEvent('W', WORKER, 'Network.webSocketHandshakeResponseReceived', { requestId: 'r', response: null });
  }).not.toThrow();
  expect(tally.counts()).toMatchObject([{ url: '?', framesSent: 1, bytesSent: 0 }]);
});

test('socket URLs lose every key-like query value, named however', () => {
  expect(redactSocketUrl('wss://h/v1?model=m&x-api-key=a1&auth_token=b2&X-Amz-Signature=c3&keep=1#frag')).toBe(
    'wss://h/v1?model=m&x-api-key=***&auth_token=***&X-Amz-Signature=***&keep=1#frag',
  );
  expect(redactSocketUrl('wss://h/sk-proj-abcdefghijkl/path')).toBe('wss://h/sk-***/path');
  expect(redactSocketUrl('blob:http://127.0.0.1:9/0b6c')).toBe('blob:http://127.0.0.1:9/0b6c');
});
