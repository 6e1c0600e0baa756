/**
 * Attach the collectors to a page, open the target, and hand back the run: the realtime server
 * (resolve-realtime-target.ts: probed, or started for an external app), the log header (soak-log-header.ts) and
 * streaming writer (every record validated and redacted), the CDP sessions the collectors share, and the
 * collectors themselves, installed in the one order session-collectors.ts fixes (init scripts included); then the
 * page is opened, the collectors started, and SOAK_SETUP and SOAK_START_STEPS run. stop() stops the collectors in
 * reverse, writes 'run-end' and stops a server the harness started; a run that dies before stop() still leaves a
 * valid JSONL (each line is written whole as it happens). What can cut the conversation short: run-events.ts.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { createLogWriter, LOG_RESERVE_BYTES } from '../log/log-writer.ts';
import { createAppStart } from './app-control/app-start.ts';
import { createPushToTalkControl } from './app-control/push-to-talk-control.ts';
import { loadSetupModule } from './app-control/setup-module.ts';
import { openCdpSessions, type CdpSessions } from './cdp-sessions.ts';
import { createEarlyStop } from './early-stop.ts';
import type { PreparedSoakRun } from './prepare-soak-run.ts';
import { createHarnessClock } from './recording/harness-clock.ts';
import { createRecordSink, type RecordSink } from './recording/record-sink.ts';
import { openPage } from './redact/open-page.ts';
import { carriesSecret, redactSecrets } from './redact/redact-secrets.ts';
import { resolveRealtimeTarget } from './resolve-realtime-target.ts';
import { createRunEvents, stopOnLogFailure } from './run-events.ts';
import { createHangUpControl } from './script/hang-up-control.ts';
import { runConversation } from './script/run-conversation.ts';
import { collectorLifecycle } from './session-collector.ts';
import { sessionCollectors } from './session-collectors.ts';
import { soakLogHeader } from './soak-log-header.ts';
import { targetUrlWithFaults } from './target-url-with-faults.ts';

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
  const early = createEarlyStop();
  const logWriter = createLogWriter(run.logPath, soakLogHeader(run, realtime, clock, secrets), {
    onFailure: stopOnLogFailure(early, clock, run.logPath),
    reserveBytes: LOG_RESERVE_BYTES,
  });
  const sink = createRecordSink(logWriter, secrets);
  const note = (detail: string) => sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'note', detail });
  const events = createRunEvents({ early, browser, sink, clock });
  if (realtime.how === 'started') note(`started the embedded realtime server at ${realtime.wsUrl}`);
  if (run.cycles.note) note(run.cycles.note);
  for (const outcome of realtime.faultOutcomes) {
    const detail = outcome.status === 'applied' ? `${outcome.fault} applied by ${outcome.by}` : `${outcome.fault} not applied: ${outcome.reason}`;
    sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'fault', detail, data: { ...outcome } });
  }

  const env = options.env ?? process.env;
  // Fields a start step filled with a secret: emptied at the end (the secret guard).
  const secretFields: string[] = [];
  let sessions: CdpSessions | undefined;
  let collectors: ReturnType<typeof sessionCollectors> | undefined;
  let lifecycle: ReturnType<typeof collectorLifecycle> | undefined;
  const app = createAppStart({
    page,
    setup,
    steps: options.startSteps,
    settings: { targetUrl: options.targetUrl, realtimeUrl: realtime.wsUrl, realtimeHttpUrl: realtime.httpUrl, apiKey: options.apiKey, env },
    secretFields,
    note,
    addSecret: (value) => secrets.push(value),
  });
  // Anything below may fail (a start step, a setup module, a page that does not load): the log then says so and is
  // closed, and a server the harness started is stopped, before the error goes on.
  try {
    sessions = await openCdpSessions(page, browser, { networkCrossCheck: options.cdpNetworkCrossCheck !== false });
    collectors = sessionCollectors({
      page,
      options,
      mic: run.mic,
      sessions,
      sink,
      clock,
      events,
      realtimeWsUrl: realtime.wsUrl,
      realtimeHttpUrl: realtime.httpUrl,
      secrets,
      secretFields,
      note,
    });
    lifecycle = collectorLifecycle(collectors.list);
    await lifecycle.install();
    const pageUrl = targetUrlWithFaults(options.targetUrl, options.faults, options.embedded);
    await openPage(page, pageUrl, carriesSecret(pageUrl, secrets));
    note(`opened ${redactSecrets(pageUrl, secrets)}`);
    await lifecycle.start();
    if (setup) {
      await app.setup();
      note(`ran SOAK_SETUP ${options.setupPath}`);
      if (options.apiKey) collectors.secretGuard.add('the API key, given to SOAK_SETUP');
    }
    await app.steps();
  } catch (error) {
    await lifecycle?.stop('failed-to-start');
    const first = ((error as Error).message ?? String(error)).split('\n')[0];
    sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'run-end', detail: `failed to start: ${first}` });
    await sink.close();
    await realtime.stop();
    throw error;
  }
  const { sampling, secretGuard } = collectors;
  const started = { sessions, lifecycle };
  const pushToTalk = options.pushToTalk ? createPushToTalkControl(options.pushToTalk) : undefined;
  let stopped = false;

  return {
    page,
    runDir: run.runDir,
    logPath: run.logPath,
    sink,
    traceOffNote: () => secretGuard.traceOffNote(),
    logFailure: () => (logWriter.failure === null ? null : early.reason),
    async runConversation(wrapTurn?: TurnWrapper) {
      // Device mode plays a timeline already fitted to the duration (scaleScript) and has nothing to say past its
      // end, so it runs the script once; repeating from the top asked the device mic for turns the WAV lacks.
      const deadlineMs = run.mic.mode === 'device' ? undefined : clock.nowMs() + options.durationMs;
      // Hang-up between conversation cycles; a reload runs SOAK_SETUP and SOAK_START_STEPS again, as at the start.
      const hangUp = createHangUpControl({
        stopSelector: options.stopSelector,
        startSelector: options.startSelector,
        restartSteps: app.steps,
        afterReload: async () => {
          await sampling.rendererMemory.identify();
          await app.setup();
          await app.steps();
        },
      });
      const conversation = runConversation({
        page,
        script: run.script,
        mic: run.mic,
        sink,
        clock,
        gcSample: (reason) => sampling.sampler.gcSample(reason),
        pullMonitor: () => sampling.sampler.exclusive(() => sampling.puller.pull()),
        startSelector: options.startSelector,
        deadlineMs,
        pushToTalk,
        cycles: { count: run.cycles.count, control: hangUp },
        ...(wrapTurn ? { wrapTurn: (n, id, body) => wrapTurn(n, run.describeUtterance(id), body) } : {}),
      });
      await events.untilStopped(conversation);
    },
    async stop(requested = 'completed') {
      if (stopped) return;
      // A conversation the harness cut short (hung page, full disk) did not complete, whatever the caller says.
      const reason = requested === 'completed' && early.reason !== null ? early.reason : requested;
      stopped = true;
      events.ended();
      await started.lifecycle.stop('ran');
      const stats = sampling.sampler.stats();
      sink.write({
        type: 'harness',
        tMs: clock.nowMs(),
        kind: 'run-end',
        detail: `${reason}; samples=${stats.samples} timeouts=${stats.timeouts} skippedSlots=${stats.skippedSlots}`,
      });
      await started.sessions.detach();
      await sink.close();
      await realtime.stop();
    },
  };
}
