/**
 * Sockets inside workers (issue 9 item 6): the in-page monitor and the page's CDP Network domain see only the page's
 * own socket; startCdpWorkerWebSocketWatch counts the worker's through CDP worker targets. Loopback only: a `ws` echo
 * server and the static test page (tests/e2e/fixtures-pages/worker-socket), both on 127.0.0.1.
 */
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { WebSocketServer } from 'ws';
import { startCdpWebSocketCounter } from '../../../harness/collect/cdp-websocket-counter.ts';
import { startCdpWorkerWebSocketWatch } from '../../../harness/collect/cdp-worker-websockets.ts';
import { logRecordSchema, type HarnessEvent, type LogRecord, type WorkerWsData } from '../../../harness/log/log-schema.ts';
import { buildMonitor } from '../../../harness/monitor/build-monitor.ts';
import { serveStaticDir, type StaticServer } from '../soak/serve-static-dir.ts';

const PAGE_DIR = join(import.meta.dirname, '..', 'fixtures-pages', 'worker-socket');
const SECRET = 'sekrit-worker-token';

let echo: WebSocketServer;
let wsBase: string;
let site: StaticServer;
let monitorPath: string;
/** Messages the echo server received, per request path. */
const received = new Map<string, number>();

test.describe.configure({ timeout: 15_000 });

test.beforeAll(async () => {
  echo = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => echo.once('listening', resolve));
  echo.on('connection', (socket, request) => {
    const path = new URL(request.url ?? '/', 'ws://x').pathname;
    socket.on('message', (data, isBinary) => {
      received.set(path, (received.get(path) ?? 0) + 1);
      socket.send(data, { binary: isBinary });
    });
  });
  wsBase = `ws://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  site = await serveStaticDir(PAGE_DIR);
  monitorPath = (await buildMonitor()).iifePath;
});

test.afterAll(async () => {
  for (const client of echo?.clients ?? []) client.terminate();
  await new Promise((resolve) => echo?.close(resolve));
  await site?.close();
});

function pageUrl(path: string, extra = ''): string {
  return `${site.url}index.html?ws=${encodeURIComponent(`${wsBase}${path}?token=${SECRET}&model=m1`)}${extra}`;
}

/** A worker-ws record's data (the schema's fields plus the watch's socketId) with its detail. */
type WorkerWs = WorkerWsData & { socketId: string; detail?: string };

function workerRecords(records: LogRecord[]): WorkerWs[] {
  return records
    .filter((r): r is HarnessEvent => r.type === 'harness' && r.kind === 'worker-ws')
    .map((r) => ({ ...(r.data as unknown as WorkerWs), detail: r.detail }));
}

const wsSampleUrls = async (page: Page): Promise<string[]> => {
  const lines = await page.evaluate(() => (globalThis as unknown as { voiceSoakMonitor: { drain(): string[] } }).voiceSoakMonitor.drain());
  return [
    ...new Set(
      lines
        .map((line) => JSON.parse(line))
        .filter((r) => r.type === 'ws')
        .map((r) => r.url as string),
    ),
  ];
};

test("a dedicated worker's socket is counted through its CDP target; page-level views see only the page's own socket", async ({ context, page }) => {
  await page.addInitScript(() => {
    (window as unknown as { VOICE_SOAK_MONITOR_OPTIONS: unknown }).VOICE_SOAK_MONITOR_OPTIONS = { panel: false, sampleIntervalMs: 200, console: false };
  });
  await page.addInitScript({ path: monitorPath });
  const records: LogRecord[] = [];
  const origin = performance.now();
  const pageLevel = await startCdpWebSocketCounter(await context.newCDPSession(page));
  const watch = await startCdpWorkerWebSocketWatch({
    session: await context.newCDPSession(page),
    write: (record) => void records.push(logRecordSchema.parse(record)),
    nowMs: () => performance.now() - origin,
  });
  // The worker opens its socket 1 s after it starts: a socket opened at once can beat the watch's Network.enable
  // (Playwright resumes the worker before the watch's commands arrive) and then has no URL; the second test shows that.
  await page.goto(pageUrl('/echo', '&page=1&openDelayMs=1000'));
  await expect.poll(() => received.get('/echo') ?? 0, { timeout: 10_000 }).toBeGreaterThan(8);
  // The watch attaches to the worker asynchronously; on a loaded machine that can come after the first frames.
  await expect.poll(() => watch.counts().find((s) => s.url.includes('/echo?'))?.framesSent ?? 0, { timeout: 10_000 }).toBeGreaterThan(3);
  watch.snapshot();
  await page.waitForTimeout(1_000);
  watch.snapshot();

  const seen = workerRecords(records);
  expect(seen, 'one worker-ws record per snapshot').toHaveLength(2);
  const [first, second] = seen;
  expect(second).toMatchObject({ url: `${wsBase}/echo?token=***&model=m1`, closed: false, detail: undefined });
  expect(second!.worker).toBe(`${site.url}worker-socket.js`);
  expect(second!.socketId, 'the same socket in both snapshots').toBe(first!.socketId);
  expect(second!.framesSent).toBeGreaterThan(10);
  expect(second!.framesReceived).toBeGreaterThan(10);
  expect(second!.framesSent).toBeGreaterThan(first!.framesSent + 5);
  expect(second!.framesReceived).toBeGreaterThan(first!.framesReceived + 5);
  // JSON text frames, plus one 16-byte binary frame per 5 sends: bytes are counted from the payloads.
  expect(second!.bytesSent).toBeGreaterThan(second!.framesSent * 10);
  expect(JSON.stringify(records)).not.toContain(SECRET);

  // The page's own socket is what the in-page monitor and the page's Network domain see; the worker's is not.
  expect(pageLevel.counts().map((socket) => socket.url)).toEqual([`${wsBase}/echo-page?token=${SECRET}&model=m1`]);
  expect(await wsSampleUrls(page)).toEqual([expect.stringContaining('/echo-page?')]);
  expect(pageLevel.counts()[0]!.framesSent).toBeGreaterThan(10);

  await watch.stop();
  const frozen = watch.counts();
  await page.waitForTimeout(400);
  expect(watch.counts(), 'no events after stop()').toEqual(frozen);
  expect(received.get('/echo')!).toBeGreaterThan(frozen[0]!.framesSent + 2);
});

test('workers running before the watch, a SharedWorker through the browser session, and a worker that ends', async ({ browser, context, page }) => {
  await page.goto(pageUrl('/late', '&shared=1'));
  await expect.poll(() => Math.min(received.get('/late') ?? 0, received.get('/late-shared') ?? 0), { timeout: 5_000 }).toBeGreaterThan(3);
  const records: LogRecord[] = [];
  const watch = await startCdpWorkerWebSocketWatch({
    session: await context.newCDPSession(page),
    browserSession: await browser.newBrowserCDPSession(),
    write: (record) => void records.push(logRecordSchema.parse(record)),
    nowMs: () => 0,
  });
  await page.waitForTimeout(1_200);
  watch.snapshot();
  const byWorker = new Map(workerRecords(records).map((r) => [r.worker.replace(site.url, ''), r]));
  expect([...byWorker.keys()].sort()).toEqual(['shared-worker-socket.js', 'worker-socket.js']);
  for (const socket of byWorker.values()) {
    // Opened before the watch: no webSocketCreated, so no URL; counts start at attach (about 12 in 1.2 s).
    expect(socket).toMatchObject({ url: '?', closed: false, detail: expect.stringContaining('url unknown') });
    expect(socket.framesSent).toBeGreaterThan(6);
  }
  expect(byWorker.get('worker-socket.js')!.framesReceived).toBeGreaterThan(6);

  records.length = 0;
  await page.goto('about:blank');
  await expect.poll(() => watch.counts().find((s) => s.worker.endsWith('/worker-socket.js'))?.closed, { timeout: 3_000 }).toBe(true);
  watch.snapshot();
  watch.snapshot();
  const ended = workerRecords(records).filter((r) => r.worker.endsWith('/worker-socket.js'));
  expect(ended, 'a closed socket is written once more, then no longer').toHaveLength(1);
  expect(ended[0]).toMatchObject({ closed: true, detail: expect.stringContaining('the worker ended') });
  await watch.stop();
});
