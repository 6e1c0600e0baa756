/**
 * A network namespace has a loopback of its own: an isolated run (SOAK_ISOLATE_NETWORK=1) cannot reach a server on
 * the host's 127.0.0.1, such as an app you serve yourself (SOAK_TARGET_URL=http://127.0.0.1:3000/) or your own
 * realtime server (SOAK_REALTIME_URL). Those loopback ports the run is told to use are bridged through Unix sockets,
 * which live in the file system and so cross namespaces: outside, openOuterBridges() connects each socket to the
 * host's port; inside, openInnerBridges() (the runner only) listens on the same loopback port and connects to the
 * socket. Nothing else crosses: the run still reaches only what its settings name.
 */
import { rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inPlaywrightWorker } from './run-selection.ts';

export const BRIDGES_ENV = 'VOICE_SOAK_NETNS_BRIDGES';

export interface LoopbackEndpoint {
  host: string;
  port: number;
}

export interface Bridge extends LoopbackEndpoint {
  socketPath: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'ws:': 80, 'https:': 443, 'wss:': 443 };

/** The distinct loopback host:port pairs among these URLs (others are unreachable from inside, as they should be). */
export function loopbackEndpoints(urls: readonly (string | undefined)[]): LoopbackEndpoint[] {
  const found = new Map<string, LoopbackEndpoint>();
  for (const url of urls) {
    if (!url || !URL.canParse(url)) continue;
    const parsed = new URL(url);
    const port = parsed.port ? Number(parsed.port) : DEFAULT_PORTS[parsed.protocol];
    if (!LOOPBACK.has(parsed.hostname) || port === undefined) continue;
    const host = parsed.hostname === '[::1]' ? '::1' : parsed.hostname;
    found.set(`${host}:${port}`, { host, port });
  }
  return [...found.values()];
}

function pipeBoth(a: Socket, b: Socket): void {
  const close = () => {
    a.destroy();
    b.destroy();
  };
  a.on('error', close).on('close', close);
  b.on('error', close).on('close', close);
  a.pipe(b);
  b.pipe(a);
}

/** Outside: one Unix socket per endpoint, each connection forwarded to the host's port. Removed when this process exits. */
export function openOuterBridges(endpoints: readonly LoopbackEndpoint[], dir = tmpdir()): Bridge[] {
  return endpoints.map(({ host, port }) => {
    const socketPath = join(dir, `voice-soak-bridge-${process.pid}-${port}.sock`);
    rmSync(socketPath, { force: true });
    const server = createServer((inner) => pipeBoth(inner, connect({ host, port }))).listen(socketPath);
    server.unref();
    process.once('exit', () => rmSync(socketPath, { force: true }));
    return { host, port, socketPath };
  });
}

/**
 * Inside, in the runner: listen on each bridged loopback port and forward to its socket; resolves once all listen.
 * The variable is then removed, so a `playwright test` that a test starts inside does not try the same ports.
 */
export async function openInnerBridges(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const text = env[BRIDGES_ENV];
  if (!text || inPlaywrightWorker(env)) return;
  delete env[BRIDGES_ENV];
  const listening: Promise<void>[] = [];
  for (const { host, port, socketPath } of JSON.parse(text) as Bridge[]) {
    // localhost: both loopback addresses, as the host's resolver would offer them (::1 where IPv6 is on).
    for (const address of host === 'localhost' ? ['127.0.0.1', '::1'] : [host]) {
      const server = createServer((outer) => pipeBoth(outer, connect(socketPath)));
      listening.push(
        new Promise<void>((resolve) => {
          server.once('listening', resolve).once('error', (error) => {
            if (!(host === 'localhost' && address === '::1'))
              console.error(`voice-soak: cannot bridge ${address}:${port} into the network namespace: ${error.message}`);
            resolve();
          });
        }),
      );
      server.listen(port, address).unref();
    }
  }
  await Promise.all(listening);
}
