/**
 * Redirect an app's hard-coded realtime socket (e.g. `wss://api.openai.com/v1/realtime*`) to realtimeUrl (the
 * embedded server by default) with page.routeWebSocket, bridged through a Node `ws` client because
 * WebSocketRoute.connectToServer() cannot change the URL. The page-side socket is untouched, so the in-page
 * monitor still wraps and measures it.
 *
 * Forwarded: the query string (so `?model=...` survives), subprotocols minus credentials
 * (`openai-insecure-api-key.*`, `openai-ephemeral-*`), messages both ways (text stays text, binary stays binary),
 * closes both ways. Messages the page sends before the upstream is open are queued. Each redirect writes a harness
 * 'note' with redacted URLs. Credentials are never forwarded to the local server and never logged.
 */
import type { Page, WebSocketRoute } from '@playwright/test';
import WebSocket from 'ws';
import type { HarnessClock } from './harness-clock.ts';
import type { RecordSink } from './record-sink.ts';

const CREDENTIAL_PROTOCOL = /^(openai-insecure-api-key\.|openai-ephemeral|openai-organization\.|openai-project\.)/i;

export function redirectedUrl(pageUrl: string, realtimeUrl: string): string {
  const from = new URL(pageUrl);
  const to = new URL(realtimeUrl);
  for (const [key, value] of from.searchParams) {
    if (!/^(api[-_]?key|key|token|access_token|client_secret)$/i.test(key) && !to.searchParams.has(key)) to.searchParams.set(key, value);
  }
  return to.toString();
}

export function forwardedProtocols(protocols: readonly string[]): string[] {
  return protocols.filter((protocol) => !CREDENTIAL_PROTOCOL.test(protocol));
}

/** A valid close code to pass on (1005/1006/1015 cannot be sent in a close frame). */
function sendableCode(code: number | undefined): number | undefined {
  return code !== undefined && (code === 1000 || (code >= 3000 && code <= 4999) || (code >= 1001 && code <= 1014 && ![1004, 1005, 1006].includes(code))) ? code : undefined;
}

function bridge(route: WebSocketRoute, realtimeUrl: string, sink: Pick<RecordSink, 'write'>, clock: Pick<HarnessClock, 'nowMs'>) {
  const target = redirectedUrl(route.url(), realtimeUrl);
  const protocols = forwardedProtocols(route.protocols());
  const upstream = new WebSocket(target, protocols.length ? protocols : undefined, { perMessageDeflate: false });
  const queue: Array<string | Buffer> = [];
  sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'note', detail: `redirect-ws ${route.url()} -> ${target}` });

  route.onMessage((message) => {
    if (upstream.readyState === WebSocket.OPEN) upstream.send(message);
    else if (upstream.readyState === WebSocket.CONNECTING) queue.push(message);
  });
  route.onClose((code, reason) => {
    const sendable = sendableCode(code);
    if (upstream.readyState === WebSocket.OPEN || upstream.readyState === WebSocket.CONNECTING) {
      if (upstream.readyState === WebSocket.CONNECTING) upstream.terminate();
      else upstream.close(sendable, sendable ? reason : undefined);
    }
  });
  upstream.on('open', () => {
    for (const message of queue.splice(0)) upstream.send(message);
  });
  upstream.on('message', (data, isBinary) => {
    const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    route.send(isBinary ? buffer : buffer.toString('utf8'));
  });
  upstream.on('close', (code, reason) => {
    const sendable = sendableCode(code);
    route.close(sendable ? { code: sendable, reason: reason.toString('utf8') } : {}).catch(() => undefined);
  });
  upstream.on('error', (error) => {
    sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'note', detail: `redirect-ws upstream ${target} error: ${error.message}` });
    route.close({ code: 1011, reason: 'voice-soak: upstream error' }).catch(() => undefined);
  });
}

export async function redirectWebSockets(options: {
  page: Page;
  patterns: readonly string[];
  realtimeUrl: string;
  sink: Pick<RecordSink, 'write'>;
  clock: Pick<HarnessClock, 'nowMs'>;
}): Promise<void> {
  for (const pattern of options.patterns) {
    await options.page.routeWebSocket(pattern, (route) => bridge(route, options.realtimeUrl, options.sink, options.clock));
  }
}
