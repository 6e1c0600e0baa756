/**
 * The embedded target in headless Chromium with the controllable mic talking continuously (an utterance, 1.5 s of
 * silence, the next): the page the cost benchmarks measure. drainMonitor() returns the in-page monitor's records.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { installPageFunctionShim } from '../../harness/collect/page-function-shim.ts';
import { monitorBundlePath } from '../../harness/collect/monitor-bundle-path.ts';
import type { LogRecord } from '../../harness/log/log-schema.ts';
import { createControllableMic } from '../../harness/collect/mic/controllable-mic.ts';
import { loadUtteranceCatalog } from '../../harness/collect/mic/utterance-catalog.ts';
import { findChromium } from '../../harness/setup/find-chromium.ts';
import { startRealtimeServer } from '../../reference/server/start-realtime-server.ts';

export interface TalkingPage {
  browser: Browser;
  page: Page;
  drainMonitor(): Promise<LogRecord[]>;
  close(): Promise<void>;
}

export async function openTalkingEmbeddedPage(query = ''): Promise<TalkingPage> {
  const server = await startRealtimeServer({ port: 0 });
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ['--autoplay-policy=no-user-gesture-required'] });
  const page = await (await browser.newContext({ permissions: ['microphone'] })).newPage();
  const catalog = await loadUtteranceCatalog();
  const mic = createControllableMic(catalog);
  await installPageFunctionShim(page);
  await mic.install(page);
  await page.addInitScript({ path: await monitorBundlePath() });
  await page.goto(`${server.httpUrl}${query}`);
  await page.click('#start');
  await page.waitForFunction(() => (window as unknown as { voiceApp: { state(): { connected: boolean } } }).voiceApp.state().connected);

  let talking = true;
  const ids = [...catalog.utterances.keys()];
  const talk = (async () => {
    for (let i = 0; talking; i++) {
      await mic.say(page, ids[i % ids.length]!, i + 1);
      await new Promise((r) => setTimeout(r, 1_500));
    }
  })();
  const drainMonitor = async (): Promise<LogRecord[]> =>
    (await page.evaluate(() => (globalThis as unknown as { voiceSoakMonitor: { drain(): string[] } }).voiceSoakMonitor.drain())).map((line) =>
      JSON.parse(line),
    );
  return {
    browser,
    page,
    drainMonitor,
    async close() {
      talking = false;
      await talk.catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
}
