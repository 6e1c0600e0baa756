/**
 * Attach the collectors to a page, open the target, and hand back the run:
 * log header + streaming writer (every record validated and redacted), the controllable/device mic, the in-page
 * monitor (init script), WebSocket redirects, the 1 Hz CDP sampler pulling the monitor each tick, CDP Network
 * cross-check counters, crash/close events. stop() ends it all and writes 'run-end'; a run that dies before
 * stop() still leaves a valid JSONL (each line is written whole as it happens).
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { LOG_SCHEMA_VERSION, type LogHeaderInput } from '../core/log/log-schema.ts';
import { DEFAULT_THRESHOLDS } from '../core/thresholds/thresholds-schema.ts';
import { createLogWriter } from '../io/log-writer.ts';
import { redactSecrets } from '../redact/redact-secrets.ts';
import { runConversation } from '../script/run-conversation.ts';
import { createCdpSampler } from './cdp-sampler.ts';
import { startCdpWebSocketCounter } from './cdp-websocket-counter.ts';
import { createHarnessClock } from './harness-clock.ts';
import { monitorBundlePath } from './monitor-bundle-path.ts';
import { installPageFunctionShim } from './page-function-shim.ts';
import type { PreparedSoakRun } from './prepare-soak-run.ts';
import { createMonitorPuller } from './pull-monitor-records.ts';
import { createRecordSink, type RecordSink } from './record-sink.ts';
import { redirectWebSockets } from './redirect-websockets.ts';
import { targetUrlWithFaults } from './target-url-with-faults.ts';
import { withTimeout } from './with-timeout.ts';

export type TurnWrapper = <T>(turn: number, utterance: string, body: () => Promise<T>) => Promise<T>;

export interface SoakSession {
  page: Page;
  runDir: string;
  logPath: string;
  sink: RecordSink;
  /** Runs the scaled script until it ends or the run duration is up; wrapTurn (e.g. a Playwright step) wraps each turn. */
  runConversation(wrapTurn?: TurnWrapper): Promise<void>;
  /** Stops sampling, writes the cross-check notes and 'run-end', closes the log. Safe to call twice. */
  stop(reason?: string): Promise<void>;
}

const VERSION = '0.1.0';

export async function startSoakSession(run: PreparedSoakRun, browser: Browser, page: Page): Promise<SoakSession> {
  const { options } = run;
  const secrets = options.apiKey ? [options.apiKey] : [];
  await mkdir(run.runDir, { recursive: true });
  const clock = createHarnessClock();
  const header: LogHeaderInput = {
    type: 'header',
    schemaVersion: LOG_SCHEMA_VERSION,
    tool: { name: 'voice-soak', version: VERSION },
    source: 'harness',
    target: { url: redactSecrets(options.targetUrl, secrets), kind: options.embedded ? 'embedded' : 'external' },
    startedAt: clock.startedAt,
    sampleIntervalMs: options.sampleIntervalMs,
    thresholds: options.thresholds ?? DEFAULT_THRESHOLDS,
    faults: options.faults.split(',').map((f) => f.trim()).filter(Boolean),
    meta: { test: run.testTitle, micMode: options.micMode, durationMs: String(options.durationMs), script: run.script.name, scriptPath: run.scriptPath },
  };
  const sink = createRecordSink(createLogWriter(run.logPath, header), secrets);
  const note = (kind: 'note' | 'crash', detail: string) => sink.write({ type: 'harness', tMs: clock.nowMs(), kind, detail });

  await page.context().grantPermissions(['microphone']).catch(() => undefined);
  await installPageFunctionShim(page);
  await run.mic.install(page);
  if (options.injectMonitor !== false) await page.addInitScript({ path: await monitorBundlePath() });
  if (options.redirectWs.length) await redirectWebSockets({ page, patterns: options.redirectWs, realtimeUrl: options.realtimeUrl, sink, clock });
  page.on('crash', () => note('crash', 'renderer crashed (page.on("crash"))'));
  page.on('close', () => note('note', 'page closed'));

  const pageSession = await page.context().newCDPSession(page);
  const browserSession = await browser.newBrowserCDPSession().catch(() => undefined);
  const networkSession = options.cdpNetworkCrossCheck === false ? undefined : await page.context().newCDPSession(page);
  const wsCounter = networkSession ? await startCdpWebSocketCounter(networkSession) : undefined;
  const puller = createMonitorPuller({ page, sink, clock, timeoutMs: options.cdpTimeoutMs });
  const sampler = createCdpSampler({
    pageSession,
    browserSession,
    sink,
    clock,
    intervalMs: options.sampleIntervalMs,
    timeoutMs: options.cdpTimeoutMs,
    onTick: () => puller.pull().then(() => undefined),
  });
  await sampler.start();
  const pageUrl = targetUrlWithFaults(options.targetUrl, options.faults, options.embedded);
  await page.goto(pageUrl, { waitUntil: 'load' });
  note('note', `opened ${redactSecrets(pageUrl, secrets)}`);

  let stopped = false;
  return {
    page,
    runDir: run.runDir,
    logPath: run.logPath,
    sink,
    async runConversation(wrapTurn?: TurnWrapper) {
      // Device mode plays a timeline already fitted to the duration (scaleScript) and has nothing to say past its
      // end, so it runs the script once; repeating from the top asked the device mic for turns the WAV lacks.
      const deadlineMs = run.mic.mode === 'device' ? undefined : clock.nowMs() + options.durationMs;
      await runConversation({
        page,
        script: run.script,
        mic: run.mic,
        sink,
        clock,
        gcSample: (reason) => sampler.gcSample(reason),
        pullMonitor: () => sampler.exclusive(() => puller.pull()),
        startSelector: options.startSelector,
        deadlineMs,
        ...(wrapTurn ? { wrapTurn: (n, id, body) => wrapTurn(n, run.describeUtterance(id), body) } : {}),
      });
    },
    async stop(reason = 'completed') {
      if (stopped) return;
      stopped = true;
      await sampler.stop();
      await puller.flush();
      if (!page.isClosed()) await puller.pull().catch(() => undefined);
      for (const socket of wsCounter?.counts() ?? []) {
        note('note', `cdp-ws ${socket.url}: framesSent=${socket.framesSent} framesReceived=${socket.framesReceived} bytesSent=${socket.bytesSent} bytesReceived=${socket.bytesReceived}${socket.closed ? ' closed' : ''}`);
      }
      const stats = sampler.stats();
      sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'run-end', detail: `${reason}; samples=${stats.samples} timeouts=${stats.timeouts} skippedSlots=${stats.skippedSlots}` });
      // Detaching from a crashed renderer never answers: bound it, the sessions die with the page anyway.
      await Promise.all([pageSession.detach(), networkSession?.detach(), browserSession?.detach()].map((p) => p && withTimeout(p, 2_000, 'CDP detach').catch(() => undefined)));
      await sink.close();
    },
  };
}
