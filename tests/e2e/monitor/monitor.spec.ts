/**
 * The in-page monitor in Chromium against a local Realtime-ish server: panel buttons (download/analyze/clear),
 * each safeguard under its condition and silence in a clean run, and injection into a page that never heard of it.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { logHeaderSchema, logRecordSchema, type LogRecord } from '../../../harness/log/log-schema.ts';
import { buildMonitor } from '../../../harness/monitor/build-monitor.ts';
import type { InstalledMonitor } from '../../../harness/monitor/install-monitor.ts';
import type { MonitorOptions } from '../../../harness/monitor/monitor-options.ts';
import { startTestServer, type TestServer } from './realtime-test-server.ts';

interface AppWindow {
  voiceSoakMonitor: InstalledMonitor;
  appState: { chunks: number[]; cleaned: number; interrupted: string[]; done: number; blockMs: number };
  startApp(mode: string): Promise<void>;
  turn(): void;
  plain: { audioFrames: number; done: boolean };
  plainSocket: WebSocket;
}
const win = () => globalThis as unknown as AppWindow;

let server: TestServer;
let iifePath: string;

test.beforeAll(async () => {
  iifePath = (await buildMonitor()).iifePath;
  server = await startTestServer(iifePath);
});
test.afterAll(async () => server?.close());
// Page functions call win() too: the same typed accessor, defined in the page (test plumbing, not app code).
test.beforeEach(async ({ page }) =>
  page.addInitScript(() => {
    (window as unknown as { win: () => Window }).win = () => window;
  }),
);

async function openApp(page: Page, options: MonitorOptions, mode = 'normal'): Promise<void> {
  await page.addInitScript(
    (opts) => {
      (window as unknown as { VOICE_SOAK_MONITOR_OPTIONS: unknown }).VOICE_SOAK_MONITOR_OPTIONS = opts;
    },
    options as Record<string, unknown>,
  );
  await page.goto(`${server.origin}/app.html`);
  await page.evaluate((m) => win().startApp(m), mode);
}

const recordsOf = (page: Page) => page.evaluate(() => win().voiceSoakMonitor.records());
const safeguardsOf = (records: LogRecord[]) => records.filter((r) => r.type === 'monitor' && (r.kind === 'safeguard' || r.kind === 'warning'));

test('clean run: download is a valid log, analyze shows the seed report, clear empties, no safeguard fires', async ({ page }) => {
  await openApp(page, {});
  for (let turn = 1; turn <= 3; turn += 1) {
    await page.evaluate(() => win().turn());
    await page.waitForFunction((n) => win().appState.done >= n, turn);
  }
  await page.waitForTimeout(1200); // at least one ws/memory sample
  const panel = page.locator('[data-voice-soak-panel]');
  const toggle = panel.getByRole('button', { name: 'Perf monitor', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');

  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download Logs' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^voice-soak-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.jsonl$/);
  const lines = readFileSync(await download.path(), 'utf8')
    .trimEnd()
    .split('\n');
  const header = logHeaderSchema.parse(JSON.parse(lines[0]!));
  expect(header.source).toBe('page');
  expect(header.target.dialect).toBe('ga');
  const records = lines.slice(1).map((line, i) => {
    const parsed = logRecordSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`line ${i + 2}: ${parsed.error.message}`);
    return parsed.data;
  });
  const kinds = new Set(records.map((r) => `${r.type}:${'kind' in r ? r.kind : ''}`));
  for (const kind of [
    'rt:speech-stopped',
    'rt:committed',
    'rt:response-created',
    'rt:first-audio',
    'rt:audio-delta',
    'rt:response-done',
    'monitor:message',
    'monitor:memory',
    'ws:',
  ])
    expect(kinds, kind).toContain(kind);
  expect(records.filter((r) => r.type === 'rt' && r.kind === 'first-audio')).toHaveLength(3);
  const ws = records.filter((r) => r.type === 'ws');
  expect(ws.at(-1)).toMatchObject({ readyState: 1, framesSent: 3 });
  expect(ws.at(-1)!.framesReceived).toBe(3 * (2 + 1 + 5 + 1));
  expect(safeguardsOf(records)).toEqual([]);

  await panel.getByRole('button', { name: 'Analyze Performance' }).click();
  const report = panel.getByLabel('Performance analysis report');
  await expect(report).toBeVisible();
  const text = await report.textContent();
  expect(text).toMatch(/^Performance Analysis Report\n/);
  for (const line of [
    'Metrics:',
    '- Average Processing Time: ',
    '- Time to First Response: ',
    '- Interruption Count: 0',
    '- Total Errors: 0',
    'Issues Detected:',
    'Recommendations:',
  ])
    expect(text).toContain(line);

  await panel.getByRole('button', { name: 'Clear Logs' }).click();
  await expect(report).toBeHidden();
  const after = await recordsOf(page);
  expect(after.filter((r) => r.type === 'rt' || (r.type === 'monitor' && r.kind === 'message'))).toEqual([]);
  expect(after.length).toBeLessThanOrEqual(3);
});

test('audio chunk cleanup fires above 100 pending chunks and calls the app hook', async ({ page }) => {
  await openApp(page, {});
  await page.evaluate(() => {
    const { voiceSoakMonitor, appState } = win();
    appState.chunks = Array.from({ length: 100 }, (_, i) => i);
    voiceSoakMonitor.recordAudioChunk(3, 100);
    voiceSoakMonitor.recordPlayback(100, false);
  });
  expect(safeguardsOf(await recordsOf(page))).toEqual([]);
  await page.evaluate(() => {
    win().appState.chunks.push(100);
    win().voiceSoakMonitor.recordAudioChunk(3, 101);
  });
  const fired = safeguardsOf(await recordsOf(page));
  expect(fired).toHaveLength(1);
  expect(fired[0]).toMatchObject({ kind: 'safeguard', name: 'audio-chunk-cleanup', state: { pendingChunks: 101, limit: 100, cleaned: 101 } });
  expect(await page.evaluate(() => win().appState.cleaned)).toBe(101);
});

test('response timeout interrupts a response that never finishes', async ({ page }) => {
  await openApp(page, { thresholds: { responseTimeoutMs: 400 } }, 'never-done');
  await page.evaluate(() => win().turn());
  await page.waitForFunction(() => win().appState.interrupted.length > 0, undefined, { timeout: 3000 });
  expect(await page.evaluate(() => win().appState.interrupted)).toEqual(['response-timeout']);
  const records = await recordsOf(page);
  const interruption = records.find((r) => r.type === 'monitor' && r.kind === 'interruption');
  expect(interruption).toMatchObject({ reason: 'response-timeout', responseId: 'resp_1' });
  expect(safeguardsOf(records).map((r) => 'name' in r && r.name)).toEqual(['response-timeout']);
});

test('event processing timeout dumps state when a handler blocks too long', async ({ page }) => {
  await openApp(page, { thresholds: { eventProcessingTimeoutMs: 150 } });
  await page.evaluate(() => {
    win().appState.blockMs = 300;
    win().turn();
  });
  await page.waitForFunction(() => win().appState.done >= 1);
  const fired = safeguardsOf(await recordsOf(page));
  expect(fired).toHaveLength(1);
  const safeguard = fired[0] as Extract<LogRecord, { kind: 'safeguard' }>;
  expect(safeguard.name).toBe('event-processing-timeout');
  expect(safeguard.message).toMatch(/message handler ran 3\d\d ms > 150 ms \(response\.created\)/);
  expect(safeguard.state).toMatchObject({ what: 'handler', app: { chunks: 0 }, sockets: [{ socketId: 'ws-1', readyState: 1 }] });
  expect((safeguard.state as { recentEvents: unknown[] }).recentEvents.length).toBeGreaterThan(0);
});

test('memory warning fires when the heap limit is set low', async ({ page }) => {
  await openApp(page, { thresholds: { maxHeapBytes: 1_000_000 } });
  await page.waitForFunction(
    () =>
      win()
        .voiceSoakMonitor.records()
        .some((r) => r.type === 'monitor' && r.kind === 'safeguard'),
    undefined,
    { timeout: 3000 },
  );
  const fired = safeguardsOf(await recordsOf(page));
  expect(fired).toHaveLength(1);
  expect(fired[0]).toMatchObject({ name: 'memory-warning', state: { warnAboveBytes: 1_000_000 } });
  expect((fired[0] as unknown as { state: { usedBytes: number } }).state.usedBytes).toBeGreaterThan(1_000_000);
});

test('injected with addInitScript into a plain page: WebSocket state and time to first audio', async ({ page }) => {
  await page.addInitScript({ path: iifePath });
  await page.goto(`${server.origin}/plain.html`);
  await page.waitForFunction(() => win().plain.done);
  const facts = await page.evaluate(() => ({
    instance: win().plainSocket instanceof WebSocket,
    open: WebSocket.OPEN,
    audioFrames: win().plain.audioFrames,
  }));
  expect(facts).toMatchObject({ instance: true, open: 1, audioFrames: 5 });
  // The monitor samples socket state once a second: drain until that sample is in (a loaded machine may take longer).
  const lines: string[] = [];
  await expect
    .poll(
      async () => {
        lines.push(...(await page.evaluate(() => win().voiceSoakMonitor.drain())));
        return lines.some((line) => line.includes('"type":"ws"'));
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  const records = lines.map((line) => logRecordSchema.parse(JSON.parse(line)));
  const requested = records.find((r) => r.type === 'rt' && r.kind === 'response-requested');
  const firstAudio = records.find((r) => r.type === 'rt' && r.kind === 'first-audio');
  expect(requested && firstAudio).toBeTruthy();
  expect(firstAudio!.tMs).toBeGreaterThan(requested!.tMs);
  expect(records.filter((r) => r.type === 'ws').at(-1)).toMatchObject({ readyState: 1, framesSent: 1, framesReceived: 7 });
  const handled = records.filter((r) => r.type === 'monitor' && r.kind === 'message');
  expect(handled).toHaveLength(7);
  expect(
    await page.evaluate(() =>
      win()
        .voiceSoakMonitor.drain()
        .filter((l) => l.includes('"rt"')),
    ),
  ).toEqual([]);

  // Installing twice is a no-op: the same monitor, the same WebSocket constructor.
  const same = await page.evaluate(async () => {
    const before = { monitor: win().voiceSoakMonitor, ctor: WebSocket };
    const script = document.createElement('script');
    script.src = '/monitor/voice-soak-monitor.js';
    await new Promise((resolve) => {
      script.onload = resolve;
      document.head.append(script);
    });
    return before.monitor === win().voiceSoakMonitor && before.ctor === WebSocket && document.querySelectorAll('[data-voice-soak-panel]').length === 1;
  });
  expect(same).toBe(true);
});

test('early warning: the page warns with the id and level its own Analyze report gives the same records', async ({ page }) => {
  // A TTFR budget every reply misses, no warm-up and a check every sample: the first reply already crosses it.
  await openApp(page, { thresholds: { ttfrP95Ms: 1, warmupMs: 0 }, trendCheckIntervalMs: 1000 });
  for (let turn = 1; turn <= 3; turn += 1) {
    await page.evaluate(() => win().turn());
    await page.waitForFunction((n) => win().appState.done >= n, turn);
  }
  const warningOf = (records: LogRecord[]) => records.find((r) => r.type === 'monitor' && r.kind === 'warning' && r.id === 'slow-first-response');
  await expect.poll(async () => warningOf(await recordsOf(page)) !== undefined, { timeout: 10_000 }).toBe(true);
  const warning = warningOf(await recordsOf(page)) as Extract<LogRecord, { kind: 'warning' }>;
  expect(warning.message).toMatch(/^slow-first-response: early warning \(error\): TTFR p95 \d+(\.\d)? ms > 1\.0 ms \([1-3] turns\)$/);
  const assertion = await page.evaluate(() =>
    win()
      .voiceSoakMonitor.analyze()
      .assertions.find((a) => a.id === 'slow-first-response'),
  );
  expect(assertion).toMatchObject({ passed: false, level: 'error' });
});

test('panel: collapsed by default, draws only while expanded, corner option and move button', async ({ page }) => {
  await openApp(page, { corner: 'top-left' });
  const host = page.locator('[data-voice-soak-panel]');
  await expect(host).toHaveAttribute('data-corner', 'top-left');
  expect(await page.evaluate(() => win().voiceSoakMonitor.panel!.isDrawing())).toBe(false);
  await host.getByRole('button', { name: 'Perf monitor', exact: true }).click();
  expect(await page.evaluate(() => win().voiceSoakMonitor.panel!.isDrawing())).toBe(true);
  await host.getByRole('button', { name: 'Move panel to the next corner' }).click();
  await expect(host).toHaveAttribute('data-corner', 'top-right');
  await host.getByRole('button', { name: 'Perf monitor', exact: true }).click();
  expect(await page.evaluate(() => win().voiceSoakMonitor.panel!.isDrawing())).toBe(false);
});
