/**
 * Before the browser opens: does SOAK_REALTIME_URL answer a WebSocket handshake? One line naming the setting and
 * the reason when it does not (a run against a server that is not there measures nothing).
 */
import WebSocket from 'ws';

export class RealtimeUrlError extends Error {
  readonly exitCode = 69; // EX_UNAVAILABLE
}

export function probeRealtimeUrl(url: string, timeoutMs = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.terminate();
      if (error) reject(new RealtimeUrlError(`SOAK_REALTIME_URL: ${url} does not answer (${error})`));
      else resolve();
    };
    // No subprotocol (a server may insist on its own) and any HTTP answer counts: the question is only whether
    // something listens there, not whether it lets us in without the app's credentials.
    const socket = new WebSocket(url, { handshakeTimeout: timeoutMs });
    const timer = setTimeout(() => done(`no handshake within ${timeoutMs} ms`), timeoutMs + 500);
    socket.on('open', () => done());
    socket.on('unexpected-response', () => done());
    socket.on('error', (error) => done(error.message));
  });
}
