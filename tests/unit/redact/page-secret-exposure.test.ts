/**
 * page-secret-exposure: which kinds of secret a page's CDP Network traffic carried (what a Playwright trace would
 * record verbatim), from a fake CDP session that replays the events a real page sends; values are never kept.
 */
import { EventEmitter } from 'node:events';
import { expect, test } from '@playwright/test';
import { watchPageSecretExposure } from '../../../harness/collect/redact/page-secret-exposure.ts';

function fakeSession(bodies: Record<string, { body: string; base64Encoded: boolean }> = {}) {
  const events = new EventEmitter();
  return {
    on: (event: string, listener: (params: unknown) => void) => events.on(event, listener),
    emit: (event: string, params: unknown) => events.emit(event, params),
    send: async (method: string, params?: { requestId?: string }) => {
      if (method === 'Network.getResponseBody') {
        const body = bodies[params?.requestId ?? ''];
        if (!body) throw new Error('No resource with given identifier found');
        return body;
      }
      return {};
    },
  };
}

const request = (url: string, headers: Record<string, string> = {}, postData?: string) => ({ requestId: url, request: { url, headers, postData } });

// A source map's sourcesContent: code that names keys without holding one (the reference app's own does).
const SOURCE_MAP = JSON.stringify({
  sourcesContent: [
    "new WebSocket(url, ['openai-insecure-api-key.' + key]); ws(`openai-insecure-api-key.${config.apiKey}`); const auth = 'Basic ' + user; fetch('/x?key=' + k); // sk-... keys",
  ],
});

test('a page with no secret in its traffic leaves nothing to report, even code that names keys', async () => {
  const session = fakeSession({ r1: { body: '{"ok":true,"model":"gpt-realtime"}', base64Encoded: false }, map: { body: SOURCE_MAP, base64Encoded: false } });
  const exposure = await watchPageSecretExposure(session, []);
  session.emit('Network.requestWillBeSent', request('http://127.0.0.1:8787/?voice_soak_faults=none', { Accept: 'text/html', Cookie: 'theme=dark' }));
  session.emit('Network.responseReceived', { requestId: 'r1', response: { mimeType: 'application/json' } });
  session.emit('Network.loadingFinished', { requestId: 'r1', encodedDataLength: 40 });
  session.emit('Network.responseReceived', { requestId: 'map', response: { mimeType: 'application/json' } });
  session.emit('Network.loadingFinished', { requestId: 'map', encodedDataLength: SOURCE_MAP.length });
  session.emit('Network.webSocketCreated', { requestId: 'w1', url: 'ws://127.0.0.1:8787/v1/realtime?model=gpt-realtime' });
  session.emit('Network.webSocketWillSendHandshakeRequest', {
    requestId: 'w1',
    request: { headers: { 'Sec-WebSocket-Protocol': 'realtime, openai-beta.realtime-v1' } },
  });
  session.emit('Network.webSocketFrameSent', {
    requestId: 'w1',
    response: { opcode: 1, payloadData: '{"type":"input_audio_buffer.append","audio":"AAAA//8+/w=="}' },
  });
  session.emit('Network.webSocketFrameReceived', {
    requestId: 'w1',
    response: { opcode: 1, payloadData: '{"type":"session.created","session":{"id":"sess_1"}}' },
  });
  await exposure.settle();
  expect(exposure.kinds()).toEqual([]);
});

test('every place a page can carry a key is seen, by kind, without its value', async () => {
  const known = 'plain-value-from-env-42';
  const session = fakeSession({
    json: { body: JSON.stringify({ client_secret: { value: 'opaque-no-known-shape', expires_at: 1 } }), base64Encoded: false },
  });
  const exposure = await watchPageSecretExposure(session, [known]);
  session.emit('Network.requestWillBeSent', request('http://127.0.0.1:9/?token=t0k3n-value'));
  session.emit('Network.requestWillBeSent', request('http://127.0.0.1:9/session', { Authorization: 'Bearer whatever' }));
  session.emit('Network.requestWillBeSent', request('http://127.0.0.1:9/login', {}, `{"key":"${known}"}`));
  session.emit('Network.responseReceived', { requestId: 'json', response: { mimeType: 'application/json' } });
  session.emit('Network.loadingFinished', { requestId: 'json', encodedDataLength: 80 });
  session.emit('Network.webSocketCreated', { requestId: 'w1', url: 'wss://api.openai.com/v1/realtime?api-key=abc' });
  session.emit('Network.webSocketWillSendHandshakeRequest', {
    requestId: 'w1',
    request: { headers: { 'Sec-WebSocket-Protocol': 'realtime, openai-insecure-api-key.sk-abcdefgh12345678' } },
  });
  session.emit('Network.webSocketFrameReceived', { requestId: 'w1', response: { opcode: 1, payloadData: `{"type":"relay.hello","upstream_key":"${known}"}` } });
  await exposure.settle();
  expect(exposure.kinds()).toEqual([
    'a key in a request URL',
    'an Authorization header on a request',
    'a key in a request body',
    'a key in a WebSocket URL',
    'a key in the Sec-WebSocket-Protocol header of a WebSocket handshake',
    'a key in a WebSocket message',
    'a key in a response body',
  ]);
  expect(exposure.kinds().join(' ')).not.toContain(known);

  const second = fakeSession({ b64: { body: Buffer.from('token ek_abcdef0123456789').toString('base64'), base64Encoded: true } });
  const base64 = await watchPageSecretExposure(second, []);
  second.emit('Network.responseReceived', { requestId: 'b64', response: { mimeType: 'text/plain' } });
  second.emit('Network.loadingFinished', { requestId: 'b64', encodedDataLength: 40 });
  await base64.settle();
  expect(base64.kinds()).toEqual(['a key in a response body']);
});

test('bodies are read only for JSON or plain text under 1 MB, and a body gone from the browser is no error', async () => {
  const session = fakeSession({
    html: { body: '<p>ek_abcdef0123456789</p>', base64Encoded: false },
    big: { body: '{"client_secret":{}}', base64Encoded: false },
  });
  const exposure = await watchPageSecretExposure(session, []);
  session.emit('Network.responseReceived', { requestId: 'html', response: { mimeType: 'text/html' } });
  session.emit('Network.loadingFinished', { requestId: 'html', encodedDataLength: 30 });
  session.emit('Network.responseReceived', { requestId: 'big', response: { mimeType: 'application/json' } });
  session.emit('Network.loadingFinished', { requestId: 'big', encodedDataLength: 2_000_000 });
  session.emit('Network.responseReceived', { requestId: 'gone', response: { mimeType: 'application/json' } });
  session.emit('Network.loadingFinished', { requestId: 'gone', encodedDataLength: 10 });
  await exposure.settle();
  expect(exposure.kinds()).toEqual([]);
  exposure.add('a secret typed by a start step');
  expect(exposure.kinds()).toEqual(['a secret typed by a start step']);
});
