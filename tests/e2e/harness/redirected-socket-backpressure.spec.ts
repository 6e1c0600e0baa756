/**
 * A redirected socket is the app's real browser socket, so a server that stops reading shows in its bufferedAmount
 * (Playwright's routeWebSocket mock, used before, always reported 0). A page with a hard-coded wss:// URL, the
 * harness's in-page redirect and the monitor (in the order a soak installs them), and a server that never reads:
 * after a burst larger than the loopback buffers can hold, bufferedAmount stays up, in the page and in the monitor's
 * ws records. (At a microphone's 64 KB/s the same buffers take minutes to fill; short soaks catch that case through
 * unanswered sends.)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { WebSocketServer } from 'ws';
import { installWebSocketRedirect } from '../../../harness/collect/install-websocket-redirect.ts';
import { monitorBundlePath } from '../../../harness/collect/monitor-bundle-path.ts';
import { webSocketRedirectConfig } from '../../../harness/collect/websocket-redirect-rules.ts';

test('a server that stops reading shows in the redirected socket bufferedAmount, page and monitor alike', async ({ page }) => {
  test.setTimeout(60_000);
  const http = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>app</title><p>app</p>'));
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (_ws, req) => req.socket.pause()); // never reads
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  const notes: string[] = [];
  try {
    const config = webSocketRedirectConfig(['wss://api.openai.com/v1/realtime*'], `ws://127.0.0.1:${port}/v1/realtime`, false);
    await installWebSocketRedirect({ page, config, sink: { write: (r) => notes.push(String((r as { detail?: string }).detail)) }, clock: { nowMs: () => 0 } });
    await page.addInitScript({ path: await monitorBundlePath() });
    await page.goto(`http://127.0.0.1:${port}/`);
    const url = await page.evaluate(async () => {
      const ws = new WebSocket('wss://api.openai.com/v1/realtime?model=gpt-realtime');
      (window as unknown as { appSocket: WebSocket }).appSocket = ws;
      await new Promise((resolve) => (ws.onopen = resolve));
      const chunk = 'x'.repeat(4 * 1024 * 1024);
      for (let i = 0; i < 16; i++) ws.send(chunk); // 64 MB: more than the kernel and the network service take
      return ws.url;
    });
    expect(url).toBe(`ws://127.0.0.1:${port}/v1/realtime?model=gpt-realtime`);
    await page.waitForTimeout(3_000);
    const buffered = await page.evaluate(() => (window as unknown as { appSocket: WebSocket }).appSocket.bufferedAmount);
    expect(buffered).toBeGreaterThan(8 * 1024 * 1024);
    const monitorBuffered = await page.evaluate(() => {
      const monitor = (globalThis as unknown as { voiceSoakMonitor: { records(): Array<{ type: string; bufferedAmountBytes?: number }> } }).voiceSoakMonitor;
      return Math.max(
        0,
        ...monitor
          .records()
          .filter((r) => r.type === 'ws')
          .map((r) => r.bufferedAmountBytes ?? 0),
      );
    });
    expect(monitorBuffered).toBeGreaterThan(8 * 1024 * 1024);
    expect(notes.some((n) => n.startsWith('redirect-ws wss://api.openai.com/v1/realtime?model=gpt-realtime -> ws://127.0.0.1:'))).toBe(true);
  } finally {
    for (const client of wss.clients) client.terminate();
    wss.close();
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  }
});
