/**
 * The embedded target's port: reused only when GET /healthz says voice-soak of this version, with this run's reply
 * scale and no faults, outside CI; anything else on the port (another project's server, another voice-soak, a port
 * that does not speak HTTP) means a free port and a note saying why. The decision is pure; the probe script is run
 * against real servers on 127.0.0.1.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { TOOL_VERSION } from '../../../harness/config/tool-identity.ts';
import { decideEmbeddedPort, type PortProbe } from '../../../harness/setup/embedded-port-decision.ts';
import { startRealtimeServer } from '../../../reference/server/start-realtime-server.ts';

const wanted = { port: 8787, name: 'voice-soak', version: TOOL_VERSION, replyScale: 1, allowReuse: true };
const health = (body: object, status = 200): PortProbe => ({ state: 'http', status, body: JSON.stringify(body) });
const ours = { name: 'voice-soak', version: TOOL_VERSION, replyScale: 1, faults: '' };

test('a free port is used as asked; our own kind of server is reused outside CI only', () => {
  expect(decideEmbeddedPort(wanted, { state: 'free' }, 40001)).toEqual({ port: 8787, reuse: false });
  expect(decideEmbeddedPort(wanted, health(ours), 40001)).toEqual({
    port: 8787,
    reuse: true,
    note: `reusing the voice-soak ${TOOL_VERSION} server already on 127.0.0.1:8787`,
  });
  expect(decideEmbeddedPort({ ...wanted, allowReuse: false }, health(ours), 40001)).toEqual({
    port: 40001,
    reuse: false,
    note: `127.0.0.1:8787 is taken by a voice-soak ${TOOL_VERSION} server already running (CI never reuses one): this run's embedded target uses 127.0.0.1:40001`,
  });
});

test('anything else on the port means a free port, and the note says what is there', () => {
  const noteFor = (probe: PortProbe, replyScale = 1) => {
    const decision = decideEmbeddedPort({ ...wanted, replyScale }, probe, 40001);
    expect(decision).toMatchObject({ port: 40001, reuse: false });
    return decision.note!.replace(/^127\.0\.0\.1:8787 is taken by /, '').replace(/: this run's embedded target uses 127\.0\.0\.1:40001$/, '');
  };
  expect(noteFor({ state: 'http', status: 200, body: 'ok' })).toBe('a server that is not voice-soak (GET /healthz: 200)');
  expect(noteFor({ state: 'http', status: 404, body: '' })).toBe('a server that is not voice-soak (GET /healthz: 404)');
  expect(noteFor(health({ name: 'other-app', version: TOOL_VERSION }))).toBe('a server that is not voice-soak (GET /healthz: 200, name other-app)');
  expect(noteFor(health({ ...ours, version: '0.0.1' }))).toBe(`voice-soak 0.0.1, not ${TOOL_VERSION}`);
  expect(noteFor(health({ ...ours, faults: 'stall:2' }))).toBe('a voice-soak server with faults stall:2');
  expect(noteFor(health(ours), 0.25)).toBe('a voice-soak server with reply scale 1, not 0.25');
  expect(noteFor({ state: 'other', detail: 'no HTTP answer within 2 s' })).toBe('something that does not answer HTTP (no HTTP answer within 2 s)');
  expect(noteFor(health({ name: '\u001b[31mred' }))).toBe('a server that is not voice-soak (GET /healthz: 200, name ?[31mred)');
});

const PROBE = fileURLToPath(new URL('../../../harness/setup/probe-embedded-port.mjs', import.meta.url));
// Run asynchronously here: the servers it probes live in this process (the config runs it with spawnSync).
async function probe(port: number): Promise<{ probe: PortProbe; freePort: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, [PROBE, String(port)], { encoding: 'utf8', timeout: 15_000 });
  return JSON.parse(stdout) as { probe: PortProbe; freePort: number };
}
const listen = (server: Server | ReturnType<typeof createHttpServer>) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

test('the probe tells a free port, a foreign HTTP server, a silent TCP port and our server apart', async () => {
  const foreign = createHttpServer((_, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
  const silent = createTcpServer(() => undefined);
  const server = await startRealtimeServer({ appDir: false, faults: 'stall:2', replyScale: 0.5 });
  try {
    const [foreignPort, silentPort] = [await listen(foreign), await listen(silent)];
    const free = (await probe(foreignPort)).freePort;
    expect(free).toBeGreaterThan(0);
    expect((await probe(free)).probe).toEqual({ state: 'free' });
    expect((await probe(foreignPort)).probe).toEqual({ state: 'http', status: 200, body: 'ok' });
    expect((await probe(silentPort)).probe).toEqual({ state: 'other', detail: 'no HTTP answer within 2 s' });
    const ourProbe = (await probe(server.port)).probe;
    expect(ourProbe.state === 'http' && JSON.parse(ourProbe.body)).toEqual({ name: 'voice-soak', version: TOOL_VERSION, replyScale: 0.5, faults: 'stall:2' });
  } finally {
    foreign.close();
    silent.close();
    await server.close();
  }
});
