/**
 * Attach the collectors to a page, open the target, and hand back the run:
 * the realtime server (resolve-realtime-target.ts: probed, or started for an external app), log header + streaming
 * writer (every record validated and redacted), the controllable/device mic, the in-page WebSocket redirect and then
 * the in-page monitor (init scripts, in that order, so the monitor wraps the app's real, redirected socket), page
 * dialogs, the loopback-only guard, the 1 Hz CDP sampler pulling the monitor each tick, CDP Network cross-check
 * counters, crash/close events; then the page is opened and SOAK_SETUP and SOAK_START_STEPS run. stop() ends it
 * all, writes 'run-end' and stops a server the harness started; a run that dies before stop() still leaves a valid
 * JSONL (each line is written whole as it happens).
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { faultEntries } from '../log/fault-entries.ts';
import { LOG_SCHEMA_VERSION, type LogHeaderInput } from '../log/log-schema.ts';
import { DEFAULT_THRESHOLDS } from '../thresholds/thresholds-schema.ts';
import { createLogWriter, LOG_RESERVE_BYTES } from '../log/log-writer.ts';
import { guardPageTrace, type PageTraceGuard } from './redact/page-trace-guard.ts';
import { openPage } from './redact/open-page.ts';
import { carriesSecret, redactSecrets } from './redact/redact-secrets.ts';
import { runConversation } from './script/run-conversation.ts';
import { createCdpSampler } from './cdp-sampler.ts';
import { startHeapProfile } from './heap-profile-session.ts';
import { startHeapSnapshots } from './heap-snapshot-session.ts';
import { startCdpWebSocketCounter } from './cdp-websocket-counter.ts';
import { startCdpWorkerWebSocketWatch } from './cdp-worker-websockets.ts';
import { createClockJumpWatch } from './clock-jump-watch.ts';
import { createEarlyStop } from './early-stop.ts';
import { createHarnessClock } from './recording/harness-clock.ts';
import { monitorBundlePath } from './monitor-bundle-path.ts';
import { installPageFunctionShim } from './page-function-shim.ts';
import type { PreparedSoakRun } from './prepare-soak-run.ts';
import { createMonitorPuller } from './pull-monitor-records.ts';
import { createRecordSink, type RecordSink } from './recording/record-sink.ts';
import { installWebSocketRedirect } from './install-websocket-redirect.ts';
import { guardLoopbackRequests } from './loopback-requests.ts';
import { resolveRealtimeTarget } from './resolve-realtime-target.ts';
import { webSocketRedirectConfig } from './websocket-redirect-rules.ts';
import { recordPageDialogs } from './app-control/page-dialogs.ts';
import { createPushToTalkControl } from './app-control/push-to-talk-control.ts';
import { clearSecretFields, runStartSteps } from './app-control/run-start-steps.ts';
import { loadSetupModule } from './app-control/setup-module.ts';
import { describeNetwork } from '../setup/network-interfaces.ts';
import { createHangUpControl } from './script/hang-up-control.ts';
import { createRendererMemoryReader, type RendererMemoryReader } from './renderer-memory.ts';
import { targetUrlWithFaults } from './target-url-with-faults.ts';
import { withTimeout } from './browser-calls/with-timeout.ts';

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
  /** After stop(): the note saying the page's Playwright trace was dropped because it handled secrets, or null. */
  traceOffNote(): string | null;
  /** The log write failure that stopped the run early (a full disk), or null. */
  logFailure(): string | null;
}

const VERSION = '0.1.0';

export async function startSoakSession(run: PreparedSoakRun, browser: Browser, page: Page): Promise<SoakSession> {
  const { options } = run;
  // Mutable: start steps add the secrets they type, and every later record is redacted with them.
  const secrets = options.apiKey ? [options.apiKey] : [];
  const setup = options.setupPath ? await loadSetupModule(options.setupPath) : undefined;
  const realtime = await resolveRealtimeTarget(options);
  await mkdir(run.runDir, { recursive: true }).catch(async (error: unknown) => {
    await realtime.stop();
    throw error;
  });
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
    faults: faultEntries(options.faults),
    meta: {
      test: run.testTitle,
      micMode: options.micMode,
      durationMs: String(options.durationMs),
      script: run.script.name,
      scriptPath: run.scriptPath,
      monitor: options.injectMonitor === false ? 'off' : 'injected',
      realtime: realtime.wsUrl ? `${realtime.how} ${realtime.wsUrl}` : realtime.how,
      cycles: String(run.cycles.count),
      ...(run.cycles.count > 1 ? { hangUp: options.stopSelector ? `click ${options.stopSelector}` : 'reload' } : {}),
      network: describeNetwork(options.loopbackOnly === true),
      ...(options.pushToTalk ? { pushToTalk: options.pushToTalk.kind === 'key' ? `key:${options.pushToTalk.key}` : options.pushToTalk.selector } : {}),
    },
  };
  // A full disk: the first failed write stops the run (one line now; the log keeps every whole record before it).
  const early = createEarlyStop();
  const clockJumps = createClockJumpWatch(clock.nowMs);
  let stopped = false;
  const onLogFailure = (why: string) => {
    const reason = `log write failed at ${(clock.nowMs() / 1000).toFixed(1)} s (${why})`;
    console.error(`voice-soak: ${run.logPath}: ${reason}; the soak stops, its log holds every record until then`);
    early.stop(reason);
  };
  const logWriter = createLogWriter(run.logPath, header, { onFailure: onLogFailure, reserveBytes: LOG_RESERVE_BYTES });
  const sink = createRecordSink(logWriter, secrets);
  const note = (kind: 'note' | 'crash', detail: string) => sink.write({ type: 'harness', tMs: clock.nowMs(), kind, detail });
  if (realtime.how === 'started') note('note', `started the embedded realtime server at ${realtime.wsUrl}`);
  if (run.cycles.note) note('note', run.cycles.note);
  for (const outcome of realtime.faultOutcomes) {
    const detail = outcome.status === 'applied' ? `${outcome.fault} applied by ${outcome.by}` : `${outcome.fault} not applied: ${outcome.reason}`;
    sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'fault', detail, data: { ...outcome } });
  }

  // Anything below may fail (a start step, a setup module, a page that does not load): the log then says so and is
  // closed, and a server the harness started is stopped, before the error goes on.
  let pageSession: CDPSession | undefined;
  let browserSession: CDPSession | undefined;
  let networkSession: CDPSession | undefined;
  let wsCounter: Awaited<ReturnType<typeof startCdpWebSocketCounter>> | undefined;
  let workerSession: CDPSession | undefined;
  let workerSockets: Awaited<ReturnType<typeof startCdpWorkerWebSocketWatch>> | undefined;
  const secretFields: string[] = [];
  // A page whose main thread stops answering: the sampler says so after maxUnresponsiveMs, and the conversation
  // stops there instead of waiting on page calls that never return (until Playwright's test timeout, minutes later).
  let puller: ReturnType<typeof createMonitorPuller> | undefined;
  let sampler: ReturnType<typeof createCdpSampler> | undefined;
  let rendererMemory: RendererMemoryReader | undefined;
  let traceGuard: PageTraceGuard | undefined;
  let traceOffNote: string | null = null;
  let heapProfile: Awaited<ReturnType<typeof startHeapProfile>>;
  let heapSnapshots: ReturnType<typeof startHeapSnapshots>;
  try {
    await page.context().grantPermissions(['microphone']).catch(() => undefined);
    await installPageFunctionShim(page);
    await run.mic.install(page);
    const redirect = webSocketRedirectConfig(options.redirectWs, realtime.wsUrl, options.loopbackOnly === true);
    await installWebSocketRedirect({ page, config: redirect, sink, clock });
    if (options.injectMonitor !== false) await page.addInitScript({ path: await monitorBundlePath() });
    if (options.loopbackOnly) await guardLoopbackRequests(page, sink, clock);
    recordPageDialogs(page, (record) => sink.write(record), clock.nowMs);
    // A dead renderer or browser answers nothing more: the conversation stops there instead of waiting turn by turn.
    page.on('crash', () => {
      note('crash', 'renderer crashed (page.on("crash"))');
      early.stop(`renderer crashed at ${(clock.nowMs() / 1000).toFixed(1)} s`);
    });
    browser.on('disconnected', () => {
      if (stopped) return; // closed after the run, as it should be
      note('crash', 'browser disconnected (killed, crashed or closed during the run)');
      early.stop(`browser gone at ${(clock.nowMs() / 1000).toFixed(1)} s`);
    });
    page.on('close', () => note('note', 'page closed'));

    pageSession = await page.context().newCDPSession(page);
    browserSession = await browser.newBrowserCDPSession().catch(() => undefined);
    networkSession = options.cdpNetworkCrossCheck === false ? undefined : await page.context().newCDPSession(page);
    const onSocketClosed = (url: string) => sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'ws-closed', detail: `socket closed: ${url}`, data: { url } });
    wsCounter = networkSession ? await startCdpWebSocketCounter(networkSession, onSocketClosed) : undefined;
    // Sockets inside Web Workers: the monitor cannot wrap them and the page's Network domain does not see them.
    workerSession = await page.context().newCDPSession(page);
    workerSockets = await startCdpWorkerWebSocketWatch({ session: workerSession, ...(browserSession ? { browserSession } : {}), write: (record) => sink.write(record), nowMs: clock.nowMs });
    puller = createMonitorPuller({ page, sink, clock, timeoutMs: options.cdpTimeoutMs });
    rendererMemory = createRendererMemoryReader({ pageSession: pageSession!, browserSession, note: (detail) => note('note', detail), timeoutMs: options.cdpTimeoutMs, exclusive: (fn) => sampler!.exclusive(fn) });
    sampler = createCdpSampler({
      pageSession: pageSession!,
      browserSession,
      sink,
      clock,
      intervalMs: options.sampleIntervalMs,
      timeoutMs: options.cdpTimeoutMs,
      unresponsiveAfterMs: options.thresholds?.maxUnresponsiveMs ?? DEFAULT_THRESHOLDS.maxUnresponsiveMs,
      onUnresponsive: (sinceMs) => early.stop(`page unresponsive since ${(sinceMs / 1000).toFixed(1)} s`),
      onTick: () => {
        const jump = clockJumps.check();
        if (jump) sink.write(jump);
        return puller!.pull().then(() => workerSockets?.snapshot());
      },
      rendererMemory,
    });
    await sampler.start();
    heapProfile = await startHeapProfile({ page, session: pageSession, sink, clock, exclusive: sampler.exclusive, options });
    heapSnapshots = startHeapSnapshots({ session: pageSession, sink, clock, exclusive: sampler.exclusive, options });
    // From before the page opens: a secret in its URL, traffic or typed values keeps a Playwright trace off.
    traceGuard = await guardPageTrace(page, secrets);
    const pageUrl = targetUrlWithFaults(options.targetUrl, options.faults, options.embedded);
    await openPage(page, pageUrl, carriesSecret(pageUrl, secrets));
    note('note', `opened ${redactSecrets(pageUrl, secrets)}`);
    await rendererMemory.identify(); // each try under the sampler's lock, the lock let go between tries
    const env = options.env ?? process.env;
    if (setup) {
      await setup({ page, settings: { targetUrl: options.targetUrl, realtimeUrl: realtime.wsUrl, realtimeHttpUrl: realtime.httpUrl, apiKey: options.apiKey, env } });
      note('note', `ran SOAK_SETUP ${options.setupPath}`);
      if (options.apiKey) traceGuard.add('the API key, given to SOAK_SETUP');
    }
    if (options.startSteps?.length) {
      const vars = { ...env, SOAK_REALTIME_URL: realtime.wsUrl, SOAK_REALTIME_HTTP_URL: realtime.httpUrl, OPENAI_API_KEY: options.apiKey ?? env.OPENAI_API_KEY };
      await runStartSteps({ page, secretFields, steps: options.startSteps, vars, note: (detail) => note('note', detail), addSecret: (value) => secrets.push(value) });
    }
  } catch (error) {
    await sampler?.stop().catch(() => undefined);
    await workerSockets?.stop().catch(() => undefined);
    await clearSecretFields(page, secretFields);
    traceOffNote = (await traceGuard?.finish()) ?? null;
    if (traceOffNote) note('note', traceOffNote);
    const first = ((error as Error).message ?? String(error)).split('\n')[0];
    sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'run-end', detail: `failed to start: ${first}` });
    await sink.close();
    await realtime.stop();
    throw error;
  }
  const pushToTalk = options.pushToTalk ? createPushToTalkControl(options.pushToTalk) : undefined;

  /** Hang-up between conversation cycles; a reload runs SOAK_SETUP and SOAK_START_STEPS again, as at the start. */
  const hangUpControl = () => {
    const env = options.env ?? process.env;
    const steps = async () => {
      if (!options.startSteps?.length) return;
      const vars = { ...env, SOAK_REALTIME_URL: realtime.wsUrl, SOAK_REALTIME_HTTP_URL: realtime.httpUrl, OPENAI_API_KEY: options.apiKey ?? env.OPENAI_API_KEY };
      await runStartSteps({ page, secretFields, steps: options.startSteps, vars, note: (detail) => note('note', detail), addSecret: (value) => secrets.push(value) });
    };
    return createHangUpControl({
      stopSelector: options.stopSelector,
      startSelector: options.startSelector,
      restartSteps: steps,
      afterReload: async () => {
        await rendererMemory!.identify();
        await setup?.({ page, settings: { targetUrl: options.targetUrl, realtimeUrl: realtime.wsUrl, realtimeHttpUrl: realtime.httpUrl, apiKey: options.apiKey, env } });
        await steps();
      },
    });
  };

  return {
    page,
    runDir: run.runDir,
    logPath: run.logPath,
    sink,
    traceOffNote: () => traceOffNote,
    logFailure: () => (logWriter.failure === null ? null : early.reason),
    async runConversation(wrapTurn?: TurnWrapper) {
      // Device mode plays a timeline already fitted to the duration (scaleScript) and has nothing to say past its
      // end, so it runs the script once; repeating from the top asked the device mic for turns the WAV lacks.
      const deadlineMs = run.mic.mode === 'device' ? undefined : clock.nowMs() + options.durationMs;
      const conversation = runConversation({
        page,
        script: run.script,
        mic: run.mic,
        sink,
        clock,
        gcSample: (reason) => sampler!.gcSample(reason),
        pullMonitor: () => sampler!.exclusive(() => puller!.pull()),
        startSelector: options.startSelector,
        deadlineMs,
        pushToTalk,
        cycles: { count: run.cycles.count, control: hangUpControl() },
        ...(wrapTurn ? { wrapTurn: (n, id, body) => wrapTurn(n, run.describeUtterance(id), body) } : {}),
      });
      conversation.catch(() => undefined); // it may still fail on the hung page after we stopped waiting
      const failed = await Promise.race([conversation.then(() => null, (error: unknown) => ({ error })), early.stopped.then(() => null)]);
      // A call on a page whose browser or renderer just died fails before the 'disconnected' or 'crash' event
      // arrives: give it a moment, then it is the same stop.
      if (failed && early.reason === null) await Promise.race([early.stopped, new Promise((resolve) => setTimeout(resolve, 1_000))]);
      if (failed && !browser.isConnected()) early.stop(`browser gone at ${(clock.nowMs() / 1000).toFixed(1)} s`);
      if (failed && early.reason === null) throw failed.error;
      if (early.reason !== null) note('note', `conversation stopped: ${early.reason}`);
    },
    async stop(requested = 'completed') {
      if (stopped) return;
      // A conversation the harness cut short (hung page, full disk) did not complete, whatever the caller says.
      const reason = requested === 'completed' && early.reason !== null ? early.reason : requested;
      stopped = true;
      if (!page.isClosed()) await heapSnapshots?.finish();
      if (!page.isClosed()) await heapProfile?.finish();
      await sampler!.stop();
      await puller!.flush();
      if (!page.isClosed()) await puller!.pull().catch(() => undefined);
      for (const socket of wsCounter?.counts() ?? []) {
        note('note', `cdp-ws ${socket.url}: framesSent=${socket.framesSent} framesReceived=${socket.framesReceived} bytesSent=${socket.bytesSent} bytesReceived=${socket.bytesReceived}${socket.closed ? ' closed' : ''}`);
      }
      workerSockets?.snapshot();
      await workerSockets?.stop().catch(() => undefined);
      await clearSecretFields(page, secretFields);
      traceOffNote = (await traceGuard?.finish()) ?? null;
      if (traceOffNote) note('note', traceOffNote);
      const stats = sampler!.stats();
      sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'run-end', detail: `${reason}; samples=${stats.samples} timeouts=${stats.timeouts} skippedSlots=${stats.skippedSlots}` });
      // Detaching from a crashed renderer never answers: bound it, the sessions die with the page anyway.
      await Promise.all([pageSession?.detach(), networkSession?.detach(), workerSession?.detach(), browserSession?.detach()].map((p) => p && withTimeout(p, 2_000, 'CDP detach').catch(() => undefined)));
      await sink.close();
      await realtime.stop();
    },
  };
}
