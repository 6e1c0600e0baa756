/**
 * One client WebSocket: session.created on connect, client events through dispatchClientEvent, and the
 * connection-level server faults (ws-backpressure pauses reading the TCP socket; drop-connection destroys it).
 * Its InboundGuard keeps what the client makes the server buffer within the memory budget (memory-budget.ts).
 */
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { FaultSpec } from '../../faults/fault-spec.ts';
import { connectionOptions } from './connection-options.ts';
import type { ServerEvent } from './connection-context.ts';
import { dispatchClientEvent, expiresAtS } from './dispatch-client-event.ts';
import { createIdFactory } from './event-ids.ts';
import { InboundGuard } from './inbound-guard.ts';
import type { MemoryBudget } from './memory-budget.ts';
import { newConnectionContext } from './new-connection-context.ts';
import { RealtimeError } from './realtime-error.ts';
import { sessionShape } from './session-shape.ts';

export interface RealtimeConnectionSettings {
  faults: FaultSpec;
  replyScale: number;
  baseLatencyMs: number;
  /** Dialect for clients that do not say which they speak (e.g. behind an app's relay). */
  defaultDialect?: 'ga' | 'beta';
  log: (line: string) => void;
  /** Server-wide budget of buffered client input, shared by all connections. */
  memory: MemoryBudget;
}

export function attachRealtimeConnection(ws: WebSocket, req: IncomingMessage, settings: RealtimeConnectionSettings): void {
  const options = connectionOptions(req, settings.faults, settings.defaultDialect);
  const nextId = createIdFactory();
  let closed = false;
  const memory = settings.memory.account();
  let guard: InboundGuard | null = null;
  const ctx = newConnectionContext(options, settings, memory, nextId, {
    send(event: ServerEvent) {
      if (ws.readyState !== ws.OPEN) return;
      const { type, ...rest } = event;
      // A client that does not read its events (e.g. retrieves a large item again and again) is closed rather than
      // letting the server's send queue grow past the connection's budget (checked before a send: one large echo is fine).
      if (ws.bufferedAmount > settings.memory.limits.perConnectionBytes)
        return guard?.close(1008, `client is not reading: ${ws.bufferedAmount} bytes of server events queued`);
      ws.send(JSON.stringify({ event_id: nextId('event'), type, ...rest }));
    },
    get closed() {
      return closed;
    },
  });
  const peer = `${req.socket.remoteAddress}:${req.socket.remotePort}`;
  guard = new InboundGuard(ws, memory, settings.memory.limits, {
    sendError: (error) => ctx.sendError(error, null),
    log: (line) => settings.log(`${line} (${peer})`),
  });
  if (!guard.install()) settings.log(`ws ${peer}: cannot guard reads on this ws version; only maxPayload limits them`);
  // Before the handler below: the message is no longer in flight once ws hands it over (one is handled at a time).
  ws.prependListener('message', () => guard?.messageRead());
  settings.log(`ws connect ${peer} ${req.url ?? '/'} dialect=${options.dialect} faults=${JSON.stringify(options.faults)}`);

  ctx.send({ type: 'session.created', session: sessionShape(ctx.session, ctx.dialect, expiresAtS()) });
  if (options.faultsError) ctx.sendError(new RealtimeError('invalid_value', options.faultsError, 'voice_soak_faults'), null);

  // ws-backpressure: the server stops reading once the session is set up (after answering the client's first
  // session.update, or 3 s after connect), so the client is mid-conversation and streaming when it happens. Pausing
  // at connect instead starved apps that wait for session.updated before opening the mic: they never sent anything.
  let readingStopped = false;
  const stopReading = (why: string) => {
    if (readingStopped || closed) return;
    readingStopped = true;
    settings.log(`ws ws-backpressure fault: ${peer} no longer read (${why})`);
    req.socket.pause();
  };
  const backpressureTimer = options.faults.wsBackpressure ? setTimeout(() => stopReading('3 s after connect'), 3_000) : null;
  ws.on('message', (data, isBinary) => {
    const buffer = toBuffer(data);
    dispatchClientEvent(ctx, buffer, isBinary);
    if (options.faults.wsBackpressure && !isBinary && buffer.includes('"session.update"')) stopReading('after the first session.update');
  });
  ws.on('error', (error) => settings.log(`ws error ${peer}: ${error.message}`));

  const dropSeconds = options.faults.dropConnectionSeconds;
  const dropTimer =
    dropSeconds === undefined
      ? null
      : setTimeout(() => {
          settings.log(`ws drop-connection fault: destroying ${peer} after ${dropSeconds} s`);
          req.socket.destroy();
        }, dropSeconds * 1000);

  ws.on('close', (code) => {
    closed = true;
    memory.release();
    if (dropTimer) clearTimeout(dropTimer);
    if (backpressureTimer) clearTimeout(backpressureTimer);
    ctx.activeResponse?.cancel('client_cancelled');
    settings.log(`ws close ${peer} code=${code} responses=${ctx.responsesStarted}`);
  });
}

function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
