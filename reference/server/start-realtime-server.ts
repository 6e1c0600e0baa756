/**
 * The embedded target: one node:http server that serves the reference app (static files) and GET /healthz (JSON: name,
 * version, replyScale and the server-side faults, so a run can tell its own kind of server from another), plus a
 * `ws` WebSocketServer on the same port speaking the OpenAI Realtime protocol (beta and GA dialects) on any path, and
 * its WebRTC transport: POST /v1/realtime/calls (or /v1/realtime?model=...) answers an SDP offer (webrtc/).
 * Binds 127.0.0.1 by default. Server-side faults (see reference/faults/README.md) apply to every connection, merged
 * with the connection's `voice_soak_faults` query parameter.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { TOOL_NAME, TOOL_VERSION } from '../../harness/config/tool-identity.ts';
import { formatFaultSpec, parseFaultSpec } from '../faults/fault-spec.ts';
import type { FaultSpec } from '../faults/fault-spec.ts';
import { MemoryBudget, memoryBudgetLimits } from './realtime/memory-budget.ts';
import { attachRealtimeConnection } from './realtime/realtime-connection.ts';
import { notBuiltPage, resolveAppDir } from './resolve-app-dir.ts';
import { sendText, serveStaticFile } from './static-files.ts';
import { handleCallRequest, isCallPath } from './webrtc/handle-call-request.ts';

export interface RealtimeServerOptions {
  port?: number;
  host?: string;
  faults?: FaultSpec | string;
  /** Built app to serve; false = do not build or serve one. */
  appDir?: string | false;
  log?: (line: string) => void;
  /** Multiplies reply lengths (1 = 1.5..12 s); tests use small values. */
  replyScale?: number;
  /** Time to first audio of a clean turn (default 250 ms). */
  baseLatencyMs?: number;
  /** Dialect for clients that do not ask for one (subprotocol, header, preview api-version). Default ga. */
  defaultDialect?: 'ga' | 'beta';
  /**
   * Budget of buffered client input across all connections, MB (MiB): messages being read plus conversation items
   * clients created. Default 256. Messages that would exceed it are dropped with a `memory_budget_exceeded` error.
   */
  maxMemoryMb?: number;
  /** The same per connection, MB; default 64 (at most maxMemoryMb). A message larger than this closes the connection (1009). */
  maxConnectionMemoryMb?: number;
}

export interface RealtimeServer {
  httpUrl: string;
  wsUrl: string;
  port: number;
  close(): Promise<void>;
}

export async function startRealtimeServer(opts: RealtimeServerOptions = {}): Promise<RealtimeServer> {
  const log = opts.log ?? (() => {});
  const host = opts.host ?? '127.0.0.1';
  const faults = typeof opts.faults === 'string' ? parseFaultSpec(opts.faults) : (opts.faults ?? {});
  const appDir = await resolveAppDir(opts.appDir, log);
  const memory = new MemoryBudget(memoryBudgetLimits(opts.maxMemoryMb, opts.maxConnectionMemoryMb));
  const settings = {
    faults,
    replyScale: opts.replyScale ?? 1,
    baseLatencyMs: opts.baseLatencyMs ?? 250,
    defaultDialect: opts.defaultDialect ?? 'ga',
    log,
    memory,
  };

  const health = JSON.stringify({ name: TOOL_NAME, version: TOOL_VERSION, replyScale: settings.replyScale, faults: formatFaultSpec(faults) });
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/healthz') return sendText(res, 200, health, 'application/json');
    if (isCallPath(path)) return void handleCallRequest(req, res, settings);
    if (!appDir) return sendText(res, path === '/' || path === '/index.html' ? 200 : 404, notBuiltPage, 'text/html; charset=utf-8');
    serveStaticFile(appDir, req, res).catch((error: unknown) => {
      log(`http error ${path}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendText(res, 500, 'internal error');
    });
  });
  const wss = new WebSocketServer({
    server,
    // A backstop: the inbound guard closes such a connection first (1009), and refuses smaller oversized messages.
    maxPayload: memory.limits.perConnectionBytes,
    handleProtocols: (protocols) => (protocols.has('realtime') ? 'realtime' : false),
  });
  wss.on('connection', (ws, req) => attachRealtimeConnection(ws, req, settings));

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolvePromise());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  log(
    `listening on http://${urlHost}:${port} faults=${JSON.stringify(faults)} memory budget=${mb(memory.limits.totalBytes)} MB (${mb(memory.limits.perConnectionBytes)} MB per connection)`,
  );
  return {
    httpUrl: `http://${urlHost}:${port}/`,
    wsUrl: `ws://${urlHost}:${port}/v1/realtime`,
    port,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
