/**
 * Every collector of a soak session, in the one order they are installed and started (and stopped in reverse:
 * session-collector.ts). The order of the init scripts is fixed here and nowhere else:
 *   1. the page-function shim, first, since the harness's other page functions may need it (page-function-shim.ts);
 *   2. the mic, so getUserMedia is the harness's before the app asks for it;
 *   3. the WebSocket redirect, before the monitor, so the monitor wraps the app's real, redirected socket;
 *   4. the in-page monitor.
 * Then the page routes of a WebRTC app's SDP exchange and ephemeral-key request (page routes run before the
 * context-wide loopback guard), the page listeners and routes (loopback guard, dialogs, run events), the secret
 * guard, the CDP watches (worker sockets, the Network cross-check), the sampler, and the heap checkpoints, which take
 * the sampler's lock.
 * Stopping in reverse: heap checkpoints, sampler (then the monitor's last records), the cross-check's notes, the
 * worker sockets' last records, and the secret guard last, so it sees everything the page did.
 */
import type { Page } from '@playwright/test';
import { recordPageDialogs } from './app-control/page-dialogs.ts';
import type { CdpSessions } from './cdp-sessions.ts';
import { startCdpWebSocketCounter } from './cdp-websocket-counter.ts';
import { startCdpWorkerWebSocketWatch, type CdpWorkerWebSocketWatch } from './cdp-worker-websockets.ts';
import type { HeapProfileCheckpoints } from './heap-profile-checkpoints.ts';
import { startHeapProfile } from './heap-profile-session.ts';
import type { HeapSnapshotCheckpoints } from './heap-snapshot-checkpoints.ts';
import { startHeapSnapshots } from './heap-snapshot-session.ts';
import { installEphemeralKeyStub } from './ephemeral-key-stub.ts';
import { installWebSocketRedirect } from './install-websocket-redirect.ts';
import { guardLoopbackRequests } from './loopback-requests.ts';
import type { ConversationMic } from './mic/conversation-mic.ts';
import { monitorBundlePath } from './monitor-bundle-path.ts';
import { installPageFunctionShim } from './page-function-shim.ts';
import type { HarnessClock } from './recording/harness-clock.ts';
import type { RecordSink } from './recording/record-sink.ts';
import type { RunEvents } from './run-events.ts';
import { samplerCollector, type SamplerCollector } from './sampler-collector.ts';
import { installSdpRedirect, sdpRedirectConfig } from './sdp-redirect.ts';
import { secretGuardCollector, type SecretGuardCollector } from './secret-guard-collector.ts';
import type { SessionCollector } from './session-collector.ts';
import type { SoakRunOptions } from './soak-run-options.ts';
import { webSocketRedirectConfig } from './websocket-redirect-rules.ts';

export interface SessionCollectorsInput {
  page: Page;
  options: SoakRunOptions;
  mic: ConversationMic;
  sessions: CdpSessions;
  sink: RecordSink;
  clock: HarnessClock;
  events: RunEvents;
  /** The realtime server the redirect points sockets at. */
  realtimeWsUrl: string | undefined;
  /** Its http(s) root, where a redirected SDP exchange goes. */
  realtimeHttpUrl: string | undefined;
  /** The run's live list of secrets (start steps add to it). */
  secrets: readonly string[];
  /** Fields the start steps filled with secrets, emptied at the end. */
  secretFields: readonly string[];
  note: (detail: string) => void;
}

export interface SessionCollectors {
  /** In install order. */
  list: SessionCollector[];
  sampling: SamplerCollector;
  secretGuard: SecretGuardCollector;
}

export function sessionCollectors(input: SessionCollectorsInput): SessionCollectors {
  const { page, options, sessions, sink, clock, events, note } = input;
  let workerSockets: CdpWorkerWebSocketWatch | undefined;
  let webSocketCounts: Awaited<ReturnType<typeof startCdpWebSocketCounter>> | undefined;
  let heapProfile: HeapProfileCheckpoints | undefined;
  let heapSnapshots: HeapSnapshotCheckpoints | undefined;
  const secretGuard = secretGuardCollector({ page, secrets: input.secrets, secretFields: input.secretFields, note });
  const sampling = samplerCollector({ page, options, sessions, sink, clock, events, note, afterPull: () => workerSockets?.snapshot() });
  const list: SessionCollector[] = [
    { name: 'page-function shim', install: () => installPageFunctionShim(page) },
    {
      name: 'microphone',
      install: async () => {
        await page
          .context()
          .grantPermissions(['microphone'])
          .catch(() => undefined);
        await input.mic.install(page);
      },
    },
    {
      name: 'WebSocket redirect',
      install: () =>
        installWebSocketRedirect({
          page,
          config: webSocketRedirectConfig(options.redirectWs, input.realtimeWsUrl, options.loopbackOnly === true),
          sink,
          clock,
        }),
    },
    {
      name: 'in-page monitor',
      install: async () => {
        if (options.injectMonitor !== false) await page.addInitScript({ path: await monitorBundlePath() });
      },
    },
    {
      name: 'SDP redirect and ephemeral-key stub',
      install: async () => {
        const redirect = sdpRedirectConfig(options.redirectSdp ?? [], input.realtimeHttpUrl);
        if (redirect) await installSdpRedirect({ page, redirect, sink, clock });
        await installEphemeralKeyStub({ page, patterns: options.ephemeralKeyUrls ?? [], sink, clock });
      },
    },
    {
      name: 'loopback-only guard',
      install: async () => {
        if (options.loopbackOnly) await guardLoopbackRequests(page, sink, clock);
      },
    },
    { name: 'page dialogs', install: async () => recordPageDialogs(page, (record) => sink.write(record), clock.nowMs) },
    { name: 'crash, browser-gone and page-close events', install: async () => events.watch(page) },
    secretGuard,
    {
      // Sockets inside Web Workers: the monitor cannot wrap them and the page's Network domain does not see them.
      name: 'worker WebSockets',
      install: async () => {
        workerSockets = await startCdpWorkerWebSocketWatch({
          session: sessions.worker,
          ...(sessions.browser ? { browserSession: sessions.browser } : {}),
          write: (record) => sink.write(record),
          nowMs: clock.nowMs,
        });
      },
      stop: async (outcome) => {
        if (outcome === 'ran') workerSockets?.snapshot();
        await workerSockets?.stop().catch(() => undefined);
      },
    },
    {
      name: 'CDP Network cross-check',
      install: async () => {
        webSocketCounts = sessions.network ? await startCdpWebSocketCounter(sessions.network, events.socketClosed) : undefined;
      },
      stop: async (outcome) => {
        if (outcome !== 'ran') return;
        for (const socket of webSocketCounts?.counts() ?? []) {
          note(
            `cdp-ws ${socket.url}: framesSent=${socket.framesSent} framesReceived=${socket.framesReceived} bytesSent=${socket.bytesSent} bytesReceived=${socket.bytesReceived}${socket.closed ? ' closed' : ''}`,
          );
        }
      },
    },
    sampling,
    {
      name: 'heap profile checkpoints',
      install: async () => {
        heapProfile = await startHeapProfile({ page, session: sessions.page, sink, clock, exclusive: sampling.sampler.exclusive, options });
      },
      stop: async (outcome) => {
        if (outcome === 'ran' && !page.isClosed()) await heapProfile?.finish();
      },
    },
    {
      name: 'heap snapshot checkpoints',
      install: async () => {
        heapSnapshots = startHeapSnapshots({ session: sessions.page, sink, clock, exclusive: sampling.sampler.exclusive, options });
      },
      stop: async (outcome) => {
        if (outcome === 'ran' && !page.isClosed()) await heapSnapshots?.finish();
      },
    },
  ];
  return { list, sampling, secretGuard };
}
