/**
 * Frame counts of WebSockets that live inside workers, which the in-page monitor cannot wrap (init scripts do not
 * run in workers) and the page's own CDP Network domain does not report. Writes `worker-ws` harness records.
 *
 * Measured (Chromium 156, Playwright 1.65, tests/e2e/harness/worker-websockets.spec.ts):
 *  - `Network.enable` on the page session: 0 webSocket* events for a dedicated worker's socket (server saw ~20 frames).
 *  - `Target.setAutoAttach {flatten: true}` on a Playwright CDPSession attaches, but the child's events never reach the
 *    CDPSession (it has no child-session routing): 0 events.
 *  - `Target.setAutoAttach {flatten: false}`, then Network.enable sent into each worker with
 *    Target.sendMessageToTarget: every frame, with its events in Target.receivedMessageFromTarget. Attaches to
 *    workers already running when called (no Target.getTargets needed), to workers of later navigations, to the page's
 *    service workers (type service_worker), and, through each worker's own setAutoAttach, to nested workers.
 *    SharedWorkers are not attached that way: they need the browser session (Target.setDiscoverTargets, then
 *    Target.attachToTarget {flatten: false}) filtered by the page's browserContextId.
 *  - A socket opened as soon as a worker starts often beats the watch's Network.enable: in 3 of 8 runs of the e2e
 *    page with no open delay its webSocketCreated (the URL) was lost (once the handshake still gave the URL), and
 *    about 1 in 3 for blob workers opening at once; the frames after the attach are always counted. The URL then
 *    comes from the handshake if seen (worker-socket-tally.ts), else it is '?', and the record's detail says so.
 *    `waitForDebuggerOnStart: true` cannot close that gap: Playwright's own session resumes the worker (a worker ran
 *    and sent all its frames while the watch, waiting for it, never resumed it).
 *  - Playwright's page.on('websocket') does report dedicated-worker sockets (URL and every frame: Playwright enables
 *    Network in each worker before resuming it), but not which worker, and no SharedWorker or ServiceWorker socket.
 *
 * snapshot() writes one record per open socket (and one last one per closed socket), its data the schema's fields plus
 * socketId (one worker may hold several sockets to the same URL, or to unknown ones); stop() detaches from every worker.
 * Event handlers never throw; every CDP call has a timeout; failures become 'note' records, never silence.
 */
import type { HarnessEvent } from '../log/log-schema.ts';
import { cdpSessionNode, relayChildTargets, type CdpEventSource, type CdpNode, type ChildTarget } from './cdp-target-relay.ts';
import { createWorkerSocketTally, type WorkerSocketCounts } from './worker-socket-tally.ts';

export type { WorkerSocketCounts };

export interface CdpWorkerWebSocketWatchOptions {
  /** A page session: `context.newCDPSession(page)`; the watch only adds auto-attach to it. */
  session: CdpEventSource;
  /** `browser.newBrowserCDPSession()`, to also follow the SharedWorkers of the page's browser context. */
  browserSession?: CdpEventSource;
  write(record: HarnessEvent): void;
  nowMs(): number;
  /** Per CDP call, ms (default 2000). */
  timeoutMs?: number;
}

export interface CdpWorkerWebSocketWatch {
  /** Writes one worker-ws record per open worker socket, and one last record for each socket closed since. */
  snapshot(): void;
  counts(): WorkerSocketCounts[];
  /** Detaches from every worker and stops auto-attaching; counts() still answers afterwards. */
  stop(): Promise<void>;
}

const WORKER_TYPES = new Set(['worker', 'service_worker', 'shared_worker']);
const MAX_NESTING = 4;
const MAX_TEXT = 1024;
const AUTO_ATTACH = { autoAttach: true, waitForDebuggerOnStart: false, flatten: false };

const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);

function detailOf(socket: WorkerSocketCounts): string | undefined {
  const parts = [];
  if (socket.urlFrom === 'handshake') parts.push(`url from the handshake request${socket.url.startsWith('//') ? ' (scheme unknown)' : ''}`);
  if (socket.urlFrom === 'unknown') parts.push('url unknown');
  if (socket.urlFrom !== 'created') parts.push('the socket opened before CDP reached its worker: counts start later');
  if (socket.workerEnded) parts.push('the worker ended');
  return parts.length ? parts.join('; ') : undefined;
}

export async function startCdpWorkerWebSocketWatch(options: CdpWorkerWebSocketWatchOptions): Promise<CdpWorkerWebSocketWatch> {
  const { write, nowMs } = options;
  const timeoutMs = options.timeoutMs ?? 2_000;
  const tally = createWorkerSocketTally();
  const roots: Array<{ node: CdpNode & { close(): void }; relay: { children(): ChildTarget[] } }> = [];
  let stopped = false;

  const note = (detail: string) => {
    try {
      write({ type: 'harness', tMs: nowMs(), kind: 'note', detail: clip(`worker-ws: ${detail}`) });
    } catch {
      // the log may already be closed
    }
  };
  const attempt = (what: string, call: Promise<unknown>) => call.catch((error: Error) => void (!stopped && note(`${what} failed: ${error?.message}`)));

  /** Follows the targets attached under node: counts the workers' sockets, lets go of anything else. */
  function follow(node: CdpNode, depth: number): { children(): ChildTarget[] } {
    const nested = new Map<string, { children(): ChildTarget[] }>();
    const endTree = (child: ChildTarget) => {
      if (!stopped) tally.workerEnded(child.targetInfo.targetId);
      nested.get(child.sessionId)?.children().forEach(endTree);
      nested.delete(child.sessionId);
    };
    return relayChildTargets(node, timeoutMs, {
      attached(child) {
        const { type, targetId } = child.targetInfo;
        const url = child.targetInfo.url || `${type} ${targetId}`;
        if (stopped || !WORKER_TYPES.has(type)) {
          void node.send('Target.detachFromTarget', { sessionId: child.sessionId }).catch(() => undefined);
          return;
        }
        child.node.listen((method, params) => tally.onEvent(targetId, url, method, params));
        void attempt(`Network.enable in ${type} ${clip(url)}`, child.node.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 }));
        if (depth < MAX_NESTING && type !== 'service_worker') {
          nested.set(child.sessionId, follow(child.node, depth + 1));
          void attempt(`Target.setAutoAttach in ${type} ${clip(url)}`, child.node.send('Target.setAutoAttach', AUTO_ATTACH));
        }
      },
      detached: endTree,
    });
  }

  function root(session: CdpEventSource): CdpNode {
    const node = cdpSessionNode(session, timeoutMs);
    roots.push({ node, relay: follow(node, 0) });
    return node;
  }

  /** SharedWorkers belong to no page: discover them on the browser session, keep those of the page's context. */
  async function followSharedWorkers(browser: CdpNode, page: CdpNode): Promise<void> {
    const pageTarget = await page.send('Target.getTargetInfo').catch((error: Error) => void note(`Target.getTargetInfo failed: ${error?.message}`));
    const contextId = pageTarget?.targetInfo?.browserContextId;
    if (!contextId) return;
    const seen = new Set<string>();
    browser.listen((method, params) => {
      const target = params?.targetInfo;
      if (method !== 'Target.targetCreated' || stopped || target?.type !== 'shared_worker' || target.browserContextId !== contextId) return;
      if (seen.has(target.targetId)) return;
      seen.add(target.targetId);
      void attempt(`Target.attachToTarget ${clip(target.url)}`, browser.send('Target.attachToTarget', { targetId: target.targetId, flatten: false }));
    });
    await attempt('Target.setDiscoverTargets on the browser session', browser.send('Target.setDiscoverTargets', { discover: true }));
  }

  const page = root(options.session);
  await attempt('Target.setAutoAttach on the page session', page.send('Target.setAutoAttach', AUTO_ATTACH));
  if (options.browserSession) await followSharedWorkers(root(options.browserSession), page);

  return {
    snapshot() {
      for (const socket of tally.takeSnapshot()) {
        const { socketId, url, worker, framesSent, framesReceived, bytesSent, bytesReceived, closed } = socket;
        const detail = detailOf(socket);
        write({
          type: 'harness',
          tMs: nowMs(),
          kind: 'worker-ws',
          ...(detail ? { detail } : {}),
          data: { url: clip(url), worker: clip(worker), framesSent, framesReceived, bytesSent, bytesReceived, closed, socketId: clip(socketId) },
        });
      }
    },
    counts: () => tally.counts(),
    async stop() {
      if (stopped) return;
      stopped = true;
      const quiet = (call: Promise<unknown>) => call.catch(() => undefined);
      const [pageRoot, browserRoot] = roots;
      await Promise.all([
        pageRoot && quiet(pageRoot.node.send('Target.setAutoAttach', { ...AUTO_ATTACH, autoAttach: false })),
        browserRoot && quiet(browserRoot.node.send('Target.setDiscoverTargets', { discover: false })),
      ]);
      // Top-level children only: detaching a worker ends the sessions nested in it.
      await Promise.all(
        roots.flatMap(({ node, relay }) => relay.children().map((child) => quiet(node.send('Target.detachFromTarget', { sessionId: child.sessionId })))),
      );
      for (const { node } of roots) node.close();
    },
  };
}
