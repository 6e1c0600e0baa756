/**
 * A loopback WebSocket relay between a page and the realtime server that notes when each server event reaches the
 * browser's side of the wire (Node clock = Date.now()). The page's own view of frames (CDP / page.on('websocket'))
 * is produced on its main thread, so it cannot show how long messages waited behind a busy handler; this can.
 */
import { WebSocket, WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';

export interface RelayedEvent {
  type: string;
  forwardedAtMs: number;
}

export interface WsRelay {
  /** ws:// URL to give the app (?ws=...); the path and query are passed on to the server. */
  url: string;
  serverEvents: RelayedEvent[];
  /** Each connection's upgrade request: path with query, and the offered subprotocols. */
  connections: { url: string; protocols: string[] }[];
  close(): Promise<void>;
}

export async function startWsRelay(upstreamWsUrl: string): Promise<WsRelay> {
  const serverEvents: RelayedEvent[] = [];
  const connections: { url: string; protocols: string[] }[] = [];
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: (p) => (p.has('realtime') ? 'realtime' : false) });
  wss.on('connection', (client, req) => {
    const protocols = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    connections.push({ url: req.url ?? '/', protocols });
    const upstream = new WebSocket(new URL(req.url ?? '/', upstreamWsUrl), protocols);
    const pending: string[] = [];
    upstream.on('open', () => {
      for (const m of pending.splice(0)) upstream.send(m);
    });
    upstream.on('message', (data) => {
      const text = String(data);
      serverEvents.push({ type: (JSON.parse(text) as { type: string }).type, forwardedAtMs: Date.now() });
      client.send(text);
    });
    client.on('message', (data) => (upstream.readyState === WebSocket.OPEN ? upstream.send(String(data)) : pending.push(String(data))));
    client.on('close', () => upstream.close());
    upstream.on('close', () => client.close());
    upstream.on('error', () => client.terminate());
  });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/v1/realtime`,
    serverEvents,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}
