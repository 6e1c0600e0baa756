/**
 * slow-handler:MS: each audio message's handler busy-waits MS and the first one (then one a minute) blocks 5.5 s.
 * Measured from outside the page: a relay notes when each audio event reached the browser, a stand-in monitor
 * (window.voiceSoakMonitor, through the app's monitor bridge) notes when the app finished handling it. Under the
 * fault messages wait seconds and handlers take >= MS; the clean app, same conversation, handles them at once.
 */
import type { Page } from '@playwright/test';
import { appState, expect, newMicPage, openAndStart, test } from './app-test.ts';
import type { RealtimeServer } from '../../../reference/server/start-realtime-server.ts';
import { startWsRelay } from './ws-relay.ts';
import type { WsRelay } from './ws-relay.ts';

test.use({ micParts: [500, 'u01', 7000], serverOptions: { replyScale: 0.5 } });

interface Handled {
  doneAtMs: number;
  processingMs: number;
}

async function installStandInMonitor(page: Page): Promise<void> {
  // The app embeds the real monitor (/monitor/voice-soak-monitor.js), which would replace the stand-in: keep it out.
  await page.route('**/monitor/voice-soak-monitor.js', (route) => route.abort());
  await page.addInitScript(() => {
    const handled: Handled[] = [];
    (window as unknown as { handledAudio: Handled[] }).handledAudio = handled;
    (globalThis as unknown as { voiceSoakMonitor: object }).voiceSoakMonitor = {
      recordAudioChunk(processingMs: number) {
        handled.push({ doneAtMs: performance.timeOrigin + performance.now(), processingMs });
      },
    };
  });
}

async function measure(page: Page, relay: WsRelay): Promise<{ waitsMs: number[]; processingMs: number[] }> {
  const handled = await page.evaluate(() => (window as unknown as { handledAudio: Handled[] }).handledAudio);
  const arrived = relay.serverEvents.filter((e) => e.type === 'response.output_audio.delta');
  const n = Math.min(handled.length, arrived.length);
  const waitsMs = handled.slice(0, n).map((h, k) => h.doneAtMs - (arrived[k]?.forwardedAtMs ?? 0));
  return { waitsMs, processingMs: handled.map((h) => h.processingMs) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function startVia(page: Page, server: RealtimeServer, faults: string): Promise<WsRelay> {
  const relay = await startWsRelay(server.wsUrl);
  await installStandInMonitor(page);
  await openAndStart(page, server, `ws=${encodeURIComponent(relay.url)}${faults ? `&faults=${faults}` : ''}`);
  return relay;
}

test('slow-handler makes received audio messages wait and handlers run long; clean keeps up', async ({ micBrowser, micPage, server }) => {
  const slowPage = await newMicPage(micBrowser);
  const cleanRelay = await startVia(micPage, server, '');
  const slowRelay = await startVia(slowPage, server, 'slow-handler:80');

  for (const page of [micPage, slowPage]) {
    await expect.poll(async () => (await appState(page)).responsesDone, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  }
  const slow = await measure(slowPage, slowRelay);
  const clean = await measure(micPage, cleanRelay);
  const slowState = await appState(slowPage);
  test.info().annotations.push({
    type: 'slow-handler',
    description:
      `message wait max/median ms: slow ${Math.max(...slow.waitsMs).toFixed(0)}/${median(slow.waitsMs).toFixed(0)}, ` +
      `clean ${Math.max(...clean.waitsMs).toFixed(0)}/${median(clean.waitsMs).toFixed(0)}; ` +
      `handler median ms: slow ${median(slow.processingMs).toFixed(0)}, clean ${median(clean.processingMs).toFixed(1)}`,
  });

  expect(slow.waitsMs.length).toBeGreaterThanOrEqual(5);
  expect(Math.max(...slow.waitsMs)).toBeGreaterThan(4000); // queued behind the 5.5 s block
  expect(median(slow.waitsMs)).toBeGreaterThan(500);
  expect(median(slow.processingMs)).toBeGreaterThanOrEqual(80);
  expect(slowState.maxMessageHandlerMs).toBeGreaterThanOrEqual(5500); // past the 5 s event-processing timeout

  expect(clean.waitsMs.length).toBeGreaterThanOrEqual(5);
  expect(median(clean.waitsMs)).toBeLessThan(100);
  expect(Math.max(...clean.waitsMs)).toBeLessThan(1000);
  expect(median(clean.processingMs)).toBeLessThan(20);

  await Promise.all([cleanRelay.close(), slowRelay.close()]);
});
