/**
 * Cross-check only: count WebSocket frames and bytes per socket URL from CDP Network events
 * (webSocketCreated / FrameSent / FrameReceived / Closed). The in-page monitor is the one source of `ws` and `rt`
 * records; these counts go into harness 'note' events at the end of the run ("cdp-ws <url>: ..."), so nothing is
 * double-counted and a monitor that misses frames shows up as a disagreement. Payloads are measured, never kept.
 * Sockets inside Web Workers are missing here (the page's Network domain does not see them; cdp-worker-websockets.ts
 * counts those). Redirected sockets are the app's real sockets and are counted like any other.
 */
import type { CdpSessionLike } from './browser-calls/cdp-session-like.ts';

export interface WebSocketCounts {
  url: string;
  framesSent: number;
  framesReceived: number;
  bytesSent: number;
  bytesReceived: number;
  closed: boolean;
}

interface CdpEventSource extends CdpSessionLike {
  // biome-ignore lint/suspicious/noExplicitAny: CDP params and wrapped page objects are untyped; each reader narrows what it uses
  on(event: string, listener: (params: any) => void): unknown;
}

interface FrameEvent {
  requestId: string;
  response: { opcode: number; payloadData: string };
}

export function payloadBytes(opcode: number, payloadData: string): number {
  if (opcode !== 2) return Buffer.byteLength(payloadData, 'utf8');
  const padding = payloadData.endsWith('==') ? 2 : payloadData.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((payloadData.length * 3) / 4) - padding);
}

export async function startCdpWebSocketCounter(session: CdpEventSource, onClosed?: (url: string) => void): Promise<{ counts(): WebSocketCounts[] }> {
  const sockets = new Map<string, WebSocketCounts>();
  const socket = (requestId: string, url = '?') => {
    let entry = sockets.get(requestId);
    if (!entry) {
      entry = { url, framesSent: 0, framesReceived: 0, bytesSent: 0, bytesReceived: 0, closed: false };
      sockets.set(requestId, entry);
    }
    return entry;
  };
  session.on('Network.webSocketCreated', (event: { requestId: string; url: string }) => void socket(event.requestId, event.url));
  session.on('Network.webSocketFrameSent', (event: FrameEvent) => {
    const entry = socket(event.requestId);
    entry.framesSent++;
    entry.bytesSent += payloadBytes(event.response.opcode, event.response.payloadData);
  });
  session.on('Network.webSocketFrameReceived', (event: FrameEvent) => {
    const entry = socket(event.requestId);
    entry.framesReceived++;
    entry.bytesReceived += payloadBytes(event.response.opcode, event.response.payloadData);
  });
  session.on('Network.webSocketClosed', (event: { requestId: string }) => {
    const entry = socket(event.requestId);
    entry.closed = true;
    onClosed?.(entry.url);
  });
  await session.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
  return { counts: () => [...sockets.values()].map((entry) => ({ ...entry })) };
}
