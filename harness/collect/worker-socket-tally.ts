/**
 * Per-socket counts from the CDP Network events of worker targets (webSocketCreated, FrameSent, FrameReceived,
 * HandshakeResponseReceived, Closed). Payloads are measured (payloadBytes), never kept. Pure: no CDP, no clock.
 *
 * A socket's URL comes from webSocketCreated. A socket opened before CDP reached its worker has no such event: its
 * URL then comes from the handshake's request line when that was seen (scheme-less `//host/path` if the line holds
 * only a path), else it is '?'; its counts start when the watch attached. `closed` means webSocketClosed arrived or the
 * worker itself went away (its sockets die with it).
 */
import type { WorkerWsData } from '../log/log-schema.ts';
import { payloadBytes } from './cdp-websocket-counter.ts';
import { redactSocketUrl } from './redact-socket-url.ts';

/** A worker-ws record's data, plus what only counts() tells. */
export interface WorkerSocketCounts extends WorkerWsData {
  /** `<worker target id>/<CDP requestId>`: tells apart two sockets of one worker to the same (or an unknown) URL. */
  socketId: string;
  /** created: from webSocketCreated; handshake: from the handshake's request line; unknown: opened before the watch. */
  urlFrom: 'created' | 'handshake' | 'unknown';
  /** The worker ended before webSocketClosed arrived. */
  workerEnded: boolean;
}

interface Entry extends WorkerSocketCounts {
  workerKey: string;
  reportedClosed: boolean;
}

export interface WorkerSocketTally {
  /** One CDP event from the worker known as workerKey (its target id) whose script URL is workerUrl. */
  // biome-ignore lint/suspicious/noExplicitAny: CDP params and wrapped page objects are untyped; each reader narrows what it uses
  onEvent(workerKey: string, workerUrl: string, method: string, params: any): void;
  workerEnded(workerKey: string): void;
  counts(): WorkerSocketCounts[];
  /** Open sockets, and each closed socket once more after it closed (a long run's dead sockets stop repeating). */
  takeSnapshot(): WorkerSocketCounts[];
}

/** Chromium 156 writes the absolute URL into the request line (`GET ws://host/path HTTP/1.1`); a bare path gets the Host. */
function urlFromHandshake(requestHeadersText: unknown): string | undefined {
  if (typeof requestHeadersText !== 'string') return undefined;
  const target = /^GET (\S+) HTTP\//.exec(requestHeadersText)?.[1];
  if (!target || /^wss?:\/\//i.test(target)) return target;
  const host = /\r\nHost:\s*(\S+)/i.exec(requestHeadersText)?.[1];
  return host ? `//${host}${target}` : undefined;
}

export function createWorkerSocketTally(): WorkerSocketTally {
  const sockets = new Map<string, Entry>();
  const socket = (workerKey: string, workerUrl: string, requestId: unknown): Entry => {
    const key = `${workerKey}/${String(requestId)}`;
    let entry = sockets.get(key);
    if (!entry) {
      const worker = redactSocketUrl(workerUrl);
      entry = {
        socketId: key,
        url: '?',
        worker,
        framesSent: 0,
        framesReceived: 0,
        bytesSent: 0,
        bytesReceived: 0,
        closed: false,
        urlFrom: 'unknown',
        workerEnded: false,
        workerKey,
        reportedClosed: false,
      };
      sockets.set(key, entry);
    }
    return entry;
  };
  const publicCopy = ({ workerKey: _key, reportedClosed: _reported, ...counts }: Entry): WorkerSocketCounts => counts;

  return {
    onEvent(workerKey, workerUrl, method, params) {
      if (!method.startsWith('Network.webSocket') || !params) return;
      const entry = socket(workerKey, workerUrl, params.requestId);
      if (method === 'Network.webSocketCreated' && typeof params.url === 'string') {
        entry.url = redactSocketUrl(params.url);
        entry.urlFrom = 'created';
      } else if (method === 'Network.webSocketHandshakeResponseReceived' && entry.urlFrom === 'unknown') {
        const url = urlFromHandshake(params.response?.requestHeadersText);
        if (url) [entry.url, entry.urlFrom] = [redactSocketUrl(url), 'handshake'];
      } else if (method === 'Network.webSocketFrameSent' || method === 'Network.webSocketFrameReceived') {
        const bytes = payloadBytes(Number(params.response?.opcode), String(params.response?.payloadData ?? ''));
        if (method === 'Network.webSocketFrameSent') [entry.framesSent, entry.bytesSent] = [entry.framesSent + 1, entry.bytesSent + bytes];
        else [entry.framesReceived, entry.bytesReceived] = [entry.framesReceived + 1, entry.bytesReceived + bytes];
      } else if (method === 'Network.webSocketClosed') entry.closed = true;
    },
    workerEnded(workerKey) {
      for (const entry of sockets.values()) {
        if (entry.workerKey !== workerKey || entry.closed) continue;
        entry.closed = true;
        entry.workerEnded = true;
      }
    },
    counts: () => [...sockets.values()].map(publicCopy),
    takeSnapshot() {
      const out: WorkerSocketCounts[] = [];
      for (const entry of sockets.values()) {
        if (entry.reportedClosed) continue;
        if (entry.closed) entry.reportedClosed = true;
        out.push(publicCopy(entry));
      }
      return out;
    },
  };
}
