/**
 * The in-page redirect (the very function the harness passes to page.addInitScript), run here against a stand-in
 * WebSocket constructor: which URLs it rewrites, what it keeps and drops, what it reports, and that the wrapped
 * constructor still behaves like the native one.
 */
import { expect, test } from '@playwright/test';
import { installWebSocketRedirectInPage, type WebSocketRedirectReport } from '../../../harness/collect/websocket-redirect-page.ts';
import { globToRegexSource, webSocketRedirectConfig } from '../../../harness/collect/websocket-redirect-rules.ts';

class FakeWebSocket {
  static readonly OPEN = 1;
  constructor(
    readonly url: string,
    readonly protocols?: string | string[],
  ) {}
}

const scope = globalThis as unknown as Record<string, unknown>;
let saved: Record<string, unknown>;
let reports: WebSocketRedirectReport[];

test.beforeEach(() => {
  saved = { WebSocket: scope.WebSocket, location: scope.location, binding: scope.__voiceSoakWebSocketRedirect };
  scope.WebSocket = FakeWebSocket;
  scope.location = { href: 'http://127.0.0.1:3000/app/' };
  reports = [];
  scope.__voiceSoakWebSocketRedirect = (report: WebSocketRedirectReport) => reports.push(report);
});
test.afterEach(() => {
  scope.WebSocket = saved.WebSocket;
  scope.location = saved.location;
  scope.__voiceSoakWebSocketRedirect = saved.binding;
});

const open = (...args: unknown[]) => new (scope.WebSocket as new (...a: unknown[]) => FakeWebSocket)(...args);

test('globs: * matches anything, including slashes and the query; everything else is literal', () => {
  const re = new RegExp(globToRegexSource('wss://*.openai.azure.com/openai/realtime*'));
  expect(re.test('wss://my-res.openai.azure.com/openai/realtime?api-version=2025-04-01-preview&deployment=d')).toBe(true);
  expect(re.test('wss://my-res.openai.azure.comXopenai/realtime')).toBe(false);
  expect(new RegExp(globToRegexSource('ws://localhost:8081*')).test('ws://localhost:8081/')).toBe(true);
});

test('a matching socket opens to the target with its query kept and credentials dropped, and is reported', () => {
  installWebSocketRedirectInPage(webSocketRedirectConfig(['wss://api.openai.com/v1/realtime*'], 'ws://127.0.0.1:4100/v1/realtime', false));
  const ws = open('wss://api.openai.com/v1/realtime?model=gpt-realtime&api-key=sk-abcdefgh12345678', [
    'realtime',
    'openai-insecure-api-key.sk-abcdefgh12345678',
    'openai-beta.realtime-v1',
  ]);
  expect(ws.url).toBe('ws://127.0.0.1:4100/v1/realtime?model=gpt-realtime');
  expect(ws.protocols).toEqual(['realtime', 'openai-beta.realtime-v1']);
  expect(ws).toBeInstanceOf(FakeWebSocket);
  expect((scope.WebSocket as typeof FakeWebSocket).OPEN).toBe(1);
  expect(reports).toEqual([
    {
      action: 'redirected',
      from: 'wss://api.openai.com/v1/realtime?model=gpt-realtime&api-key=sk-abcdefgh12345678',
      to: 'ws://127.0.0.1:4100/v1/realtime?model=gpt-realtime',
      droppedProtocols: 1,
      droppedParams: ['api-key'],
    },
  ]);
});

test('a relay URL matches as written and as the browser resolves it; a lone credential protocol leaves none', () => {
  installWebSocketRedirectInPage(webSocketRedirectConfig(['ws://localhost:8081/'], 'ws://127.0.0.1:4100/v1/realtime', false));
  const ws = open('ws://localhost:8081', 'openai-insecure-api-key.sk-abcdefgh12345678');
  expect(ws.url).toBe('ws://127.0.0.1:4100/v1/realtime');
  expect(ws.protocols).toBeUndefined();
});

test('other sockets pass untouched; with blockRemote a non-loopback one goes to a closed loopback port', () => {
  installWebSocketRedirectInPage(webSocketRedirectConfig(['wss://api.openai.com/*'], 'ws://127.0.0.1:4100/v1/realtime', true));
  expect(open('ws://127.0.0.1:5000/echo', ['chat']).url).toBe('ws://127.0.0.1:5000/echo');
  expect(open('/relative', undefined).url).toBe('/relative'); // resolves to the page's loopback host: allowed
  const blocked = open('wss://analytics.example.com/socket');
  expect(blocked.url).toBe('ws://127.0.0.1:9/voice-soak-blocked');
  expect(reports.map((r) => [r.action, r.from])).toEqual([['blocked', 'wss://analytics.example.com/socket']]);
});

test('installing twice wraps once; reports wait for the harness binding', async () => {
  delete scope.__voiceSoakWebSocketRedirect;
  const config = webSocketRedirectConfig(['wss://api.openai.com/*'], 'ws://127.0.0.1:4100/v1/realtime', false);
  installWebSocketRedirectInPage(config);
  const once = scope.WebSocket;
  installWebSocketRedirectInPage(config);
  expect(scope.WebSocket).toBe(once);
  open('wss://api.openai.com/v1/realtime');
  scope.__voiceSoakWebSocketRedirect = (report: WebSocketRedirectReport) => reports.push(report);
  await expect.poll(() => reports.length).toBe(1);
});

test('a redirect with no server to go to is a configuration error', () => {
  expect(() => webSocketRedirectConfig(['wss://api.openai.com/*'], undefined, false)).toThrow(
    'SOAK_REDIRECT_WS is set but there is no realtime server to redirect to',
  );
});
