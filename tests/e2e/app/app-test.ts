/**
 * Fixtures for the reference app's end-to-end tests: the embedded realtime server (startRealtimeServer, port 0) and a
 * page in a Chromium whose fake microphone plays a WAV built for this test. The WAV path is per test (under
 * testInfo.outputPath), so the browser is launched here, test-scoped, with the project's launchOptions plus
 * --use-file-for-fake-audio-capture (a worker-scoped `test.use({launchOptions})` cannot see testInfo).
 */
import { test as base, expect } from '@playwright/test';
import type { Browser, Page, WebSocket as PwWebSocket } from '@playwright/test';
import { startRealtimeServer } from '../../../reference/server/start-realtime-server.ts';
import type { RealtimeServer, RealtimeServerOptions } from '../../../reference/server/start-realtime-server.ts';
import { buildMicWav } from './mic-wav.ts';
import type { MicPart } from './mic-wav.ts';

export type SentEvent = { type: string } & Record<string, unknown>;
/** A server event as received, without audio or text payloads. */
export interface ReceivedEvent {
  type: string;
  item_id?: string;
  response_id?: string;
  status?: string;
  tMs: number;
}

/** One page WebSocket: what was sent on it (appends only counted) and received (payloads dropped). */
export interface SocketLog {
  url: string;
  sent: SentEvent[];
  received: ReceivedEvent[];
  closed: boolean;
}
/** All sockets together (in time order) and each socket on its own. */
export interface WsLog {
  events: SentEvent[];
  received: ReceivedEvent[];
  appends: number;
  sockets: SocketLog[];
}

interface AppFixtures {
  /** What the fake mic says; it plays once (%noloop) and then stays silent. */
  micParts: MicPart[];
  serverOptions: RealtimeServerOptions;
  /** false drops the project's --autoplay-policy=no-user-gesture-required: audio then needs the Start click. */
  allowAutoplay: boolean;
  server: RealtimeServer;
  /** A Chromium whose fake mic plays this test's WAV; every page in it hears the file from its start. */
  micBrowser: Browser;
  micPage: Page;
  /** Client events the page sent over any WebSocket, except input_audio_buffer.append (counted instead). */
  sentEvents: WsLog;
}

export const test = base.extend<AppFixtures>({
  micParts: [[500, 'u01', 4000, 'u02', 4000], { option: true }],
  serverOptions: [{ replyScale: 0.25 }, { option: true }],
  allowAutoplay: [true, { option: true }],
  server: async ({ serverOptions }, use) => {
    const server = await startRealtimeServer({ port: 0, ...serverOptions });
    await use(server);
    await server.close();
  },
  micBrowser: async ({ playwright, launchOptions, micParts, allowAutoplay }, use, testInfo) => {
    const wavPath = buildMicWav(testInfo.outputPath('mic.wav'), micParts);
    const projectArgs = (launchOptions.args ?? []).filter((a) => allowAutoplay || !a.startsWith('--autoplay-policy'));
    const browser = await playwright.chromium.launch({
      ...launchOptions,
      headless: true,
      args: [...projectArgs, `--use-file-for-fake-audio-capture=${wavPath}%noloop`],
    });
    await use(browser);
    await browser.close();
  },
  micPage: async ({ micBrowser }, use) => {
    const page = await newMicPage(micBrowser);
    await use(page);
    expect(pageErrors(page), 'uncaught errors in the app page').toEqual([]);
  },
  sentEvents: async ({ micPage }, use) => {
    const log: WsLog = { events: [], received: [], appends: 0, sockets: [] };
    micPage.on('websocket', (ws: PwWebSocket) => {
      const socket: SocketLog = { url: ws.url(), sent: [], received: [], closed: false };
      log.sockets.push(socket);
      ws.on('close', () => {
        socket.closed = true;
      });
      ws.on('framereceived', ({ payload }) => {
        const e = JSON.parse(String(payload)) as Record<string, unknown> & { type: string };
        const response = e.response as { id?: string; status?: string } | undefined;
        const item = e.item as { id?: string } | undefined;
        const received: ReceivedEvent = {
          type: e.type,
          item_id: (e.item_id as string | undefined) ?? item?.id,
          response_id: (e.response_id as string | undefined) ?? response?.id,
          status: response?.status,
          tMs: Date.now(),
        };
        log.received.push(received);
        socket.received.push(received);
      });
      ws.on('framesent', ({ payload }) => {
        const event = JSON.parse(String(payload)) as SentEvent;
        if (event.type === 'input_audio_buffer.append') log.appends++;
        else {
          log.events.push(event);
          socket.sent.push(event);
        }
      });
    });
    await use(log);
  },
});

export { expect };

const uncaughtErrors = new WeakMap<Page, string[]>();

/** A page in its own context with the microphone granted; its uncaught errors are kept for pageErrors(). */
export async function newMicPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ permissions: ['microphone'] });
  const page = await context.newPage();
  const errors: string[] = [];
  uncaughtErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

export function pageErrors(page: Page): string[] {
  return uncaughtErrors.get(page) ?? [];
}

export type AppState = Record<string, unknown> & {
  status: string;
  connected: boolean;
  dialect: string;
  playbackQueueLength: number;
  scheduledChunks: number;
  receivedAudioChunks: number;
  receivedAudioBytes: number;
  underruns: number;
  turns: number;
  responsesDone: number;
  responsesCancelled: number;
  interruptions: number;
  reconnects: number;
  contextItemsReplayed: number;
  maxMessageHandlerMs: number;
  heapLeakRetainedBytes: number;
  lastError: string | null;
  transcript: string[];
};

export function appState(page: Page): Promise<AppState> {
  return page.evaluate(() => (window as unknown as { voiceApp: { state(): AppState } }).voiceApp.state());
}

/** Opens the app with the given query (e.g. "faults=audio-backlog") and clicks Start, as a user would. */
export async function openAndStart(page: Page, server: RealtimeServer, query = ''): Promise<void> {
  await page.goto(`${server.httpUrl}${query ? `?${query}` : ''}`);
  await expect(page.locator('#status')).toHaveAttribute('data-state', 'idle');
  await page.click('#start');
  await expect(page.locator('#status')).toHaveAttribute('data-state', 'live');
}
