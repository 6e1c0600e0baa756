/**
 * The in-page Performance Monitor without its panel: WebSocket instrumentation, Realtime turn timing, memory and
 * long-task sampling, the app API, the safeguards and proactive warnings, bounded record storage, drain/export.
 * Collects and warns; judging is the analyzer's (passed in as deps so this file does not depend on it).
 */
import { createInterruptionDedupe } from './interruption-dedupe.ts';
import type { LogHeader, LogRecord, SoakLog } from '../log/log-schema.ts';
import type { Report } from '../analyze/report/report-schema.ts';
import { mergeThresholds } from '../thresholds/merge-thresholds.ts';
import type { Thresholds } from '../thresholds/thresholds-schema.ts';
import { quantile } from '../analyze/stats/quantile-sorted.ts';
import { adaptiveLimits, baseLimits, type SafeguardLimits } from './safeguard-limits.ts';
import { LiveStats } from './live-stats.ts';
import { installOutputTap } from './audio-output-tap.ts';
import { installLiveObjects } from './live-objects.ts';
import { readMemory } from './memory-reader.ts';
import { readThresholdOptions } from './read-threshold-options.ts';
import type { AppHooks, MonitorOptions } from './monitor-options.ts';
import { RealtimeTracker } from './realtime-tracker.ts';
import { RecordStore } from './record-store.ts';
import { RingBuffer } from './ring-buffer.ts';
import { Safeguards } from './safeguards.ts';
import { SocketTap, type HandledMessage } from './socket-tap.ts';
import { TrendWatch } from './trend-watch.ts';
import { wrapWebSocket } from './websocket-proxy.ts';
import { wrapPeerConnection } from './peer-connection-proxy.ts';
import { PeerTap } from './peer-tap.ts';
import { MONITOR_VERSION, monitorHeader } from './monitor-header.ts';

export interface MonitorDeps {
  analyze?: (log: SoakLog, thresholds?: Thresholds) => Report;
  renderText?: (report: Report) => string;
}

export type VoiceSoakMonitor = ReturnType<typeof createMonitor>;

const MS = (value: number) => Math.max(0, Number.isFinite(value) ? value : 0);
const COUNT = (value: number) => Math.max(0, Math.round(Number.isFinite(value) ? value : 0));
const TEXT = (value: unknown) => String(value ?? '').slice(0, 4096);

export function createMonitor(options: MonitorOptions = {}, deps: MonitorDeps = {}) {
  const perfNow = () => performance.now();
  const clock = options.now ?? perfNow;
  const originMs = clock();
  const now = () => Math.max(0, clock() - originMs);
  const timeOriginMs = (typeof performance.timeOrigin === 'number' ? performance.timeOrigin : Date.now() - perfNow()) + (options.now ? perfNow() : originMs);
  const startedAt = new Date(timeOriginMs).toISOString();
  const warn = (message: string) => {
    if (options.console !== false) console.warn(message);
  };
  const thresholds = mergeThresholds(readThresholdOptions(options.thresholds, warn));
  const adaptive = options.adaptive ?? thresholds.adaptive.enabled;
  const sampleIntervalMs = options.sampleIntervalMs ?? 1000;
  const trendCheckIntervalMs = options.trendCheckIntervalMs ?? 30_000;
  const store = new RecordStore(options.caps);
  const live = new LiveStats();
  const trend = new TrendWatch();
  const taps: SocketTap[] = [];
  const peers: PeerTap[] = [];
  const handlerTimes = new RingBuffer<number>(1024);
  const registeredHooks: Partial<AppHooks> = { ...options.hooks };
  let limits: SafeguardLimits = baseLimits(thresholds);
  let socketCount = 0;
  let peerCount = 0;
  let channelCount = 0;
  let lastTrendCheckMs = 0;
  let lastMemory: ReturnType<typeof readMemory> = null;
  let responseTimer: ReturnType<typeof setTimeout> | undefined;

  // Before any page script: the constructors a start/stop leak goes through are wrapped now (live-objects.ts).
  const NativeAudioContext = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  const liveObjects = installLiveObjects(globalThis);
  const isDuplicateInterruption = createInterruptionDedupe();
  const emit = (record: LogRecord) => {
    if (record.type === 'monitor' && record.kind === 'interruption' && isDuplicateInterruption(record)) return;
    store.add(record);
    trend.add(record);
  };
  const hooks = (): Partial<AppHooks> => {
    const fromApp = ((globalThis as { voiceSoakAppHooks?: Partial<AppHooks> }).voiceSoakAppHooks ?? {}) as Partial<AppHooks>;
    const pick = <K extends keyof AppHooks>(key: K): AppHooks[K] | undefined => {
      const owner = typeof registeredHooks[key] === 'function' ? registeredHooks : fromApp;
      const fn = owner[key] as unknown;
      return typeof fn === 'function' ? (((...args: unknown[]) => (fn as (...a: unknown[]) => unknown).apply(owner, args)) as AppHooks[K]) : undefined;
    };
    return { cleanupAudioChunks: pick('cleanupAudioChunks'), interruptResponse: pick('interruptResponse'), getState: pick('getState') };
  };
  const monitorState = () => ({
    sockets: taps.map((tap) => ({
      socketId: tap.socketId,
      url: tap.url,
      readyState: tap.socket.readyState,
      bufferedAmountBytes: tap.socket.bufferedAmount,
      handlersInFlight: tap.handlersInFlight(),
    })),
    openResponses: tracker.openResponseCount(),
    pendingChunks: live.pendingChunks,
    recentEvents: store
      .records()
      .filter((r) => r.type === 'rt' || (r.type === 'monitor' && r.kind !== 'memory'))
      .slice(-20),
  });
  const safeguards = new Safeguards({ emit, hooks, limits: () => limits, monitorState, warn });

  const tracker = new RealtimeTracker((record) => {
    emit(record);
    if (record.kind === 'first-audio') {
      const sample = tracker.ttfr.last();
      if (sample) live.ttfrMs = sample.ttfrMs;
    }
    if (record.kind === 'response-requested' || record.kind === 'response-created') scheduleResponseCheck();
  });

  function warning(tMs: number, id: string, message: string): void {
    emit({ type: 'monitor', tMs, kind: 'warning', id, message: message.slice(0, 4096) });
    warn(`voice-soak monitor: ${message}`);
  }

  function onMessageHandled(message: HandledMessage): void {
    const { tMs, socketId, eventType, gapMs, handlerMs, handlersInFlight } = message;
    // The log field keeps its versioned name: queueSize is the count of handlers in flight when the message arrived.
    emit({
      type: 'monitor',
      tMs,
      kind: 'message',
      socketId,
      ...(eventType ? { eventType } : {}),
      ...(gapMs === undefined ? {} : { gapMs }),
      handlerMs: MS(handlerMs),
      queueSize: handlersInFlight,
    });
    handlerTimes.push(handlerMs);
    live.noteHandler(handlerMs);
    if (handlerMs > limits.eventProcessingTimeoutMs) safeguards.slowEvent(now(), 'handler', handlerMs, eventType);
    if (handlersInFlight > thresholds.maxEventQueueSize && trend.due('handlers-in-flight', tMs))
      warning(
        tMs,
        'handlers-in-flight',
        `handlers-in-flight: ${handlersInFlight} earlier messages still in their handlers > ${thresholds.maxEventQueueSize} (maxEventQueueSize) on ${socketId}`,
      );
  }

  function checkResponses(): void {
    const tMs = now();
    for (const { responseId, openForMs, idleForMs } of tracker.takeOverdue(tMs, limits.responseTimeoutMs))
      safeguards.responseTimeout(tMs, responseId, openForMs, idleForMs);
  }

  function scheduleResponseCheck(): void {
    if (options.autoStart === false) return;
    const deadline = tracker.nextDeadlineMs(limits.responseTimeoutMs);
    if (responseTimer !== undefined) clearTimeout(responseTimer);
    responseTimer = undefined;
    if (deadline === null) return;
    responseTimer = setTimeout(
      () => {
        responseTimer = undefined;
        checkResponses();
        scheduleResponseCheck();
      },
      Math.max(0, deadline - now()) + 5,
    );
  }

  function updateLimits(): void {
    if (!adaptive) return;
    const ttfr = tracker.ttfr.toArray().map((s) => s.ttfrMs);
    const handlers = handlerTimes.toArray();
    const deviceMemoryGb = (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory;
    limits = adaptiveLimits(thresholds, {
      ttfrP95Ms: quantile(ttfr, 0.95),
      ttfrSamples: ttfr.length,
      handlerP95Ms: quantile(handlers, 0.95),
      handlerSamples: handlers.length,
      heapLimitBytes: lastMemory?.limitBytes,
      deviceMemoryGb,
    });
  }

  /** One sample: sockets, memory, overdue handlers and responses, periodic trend check, live graphs. */
  function tick(): void {
    const tMs = now();
    let bufferedBytes = 0;
    for (let i = taps.length - 1; i >= 0; i -= 1) {
      const tap = taps[i]!;
      tap.settleOrphans();
      for (const overdue of tap.takeOverdueHandlers(tMs, limits.eventProcessingTimeoutMs))
        safeguards.slowEvent(tMs, 'in-flight', overdue.runningMs, overdue.eventType);
      const sample = tap.sample(tMs);
      emit(sample);
      bufferedBytes += sample.bufferedAmountBytes;
      if (sample.bufferedAmountBytes > thresholds.maxWsBufferedBytes && trend.due(`ws-backpressure:${tap.socketId}`, tMs))
        warning(tMs, 'ws-backpressure', `ws-backpressure: ${sample.bufferedAmountBytes} bytes buffered > ${thresholds.maxWsBufferedBytes} on ${tap.socketId}`);
      if (sample.readyState === 3) taps.splice(i, 1);
    }
    for (let i = peers.length - 1; i >= 0; i -= 1) {
      const peer = peers[i]!;
      for (const { tap } of peer.channels) {
        tap.settleOrphans();
        for (const overdue of tap.takeOverdueHandlers(tMs, limits.eventProcessingTimeoutMs))
          safeguards.slowEvent(tMs, 'in-flight', overdue.runningMs, overdue.eventType);
      }
      for (const sample of peer.channelSamples(tMs)) emit(sample);
      const closed = peer.closed;
      void peer.sample(tMs).then((record) => {
        if (record) emit(record);
      });
      if (closed) peers.splice(i, 1);
    }
    lastMemory = readMemory();
    if (lastMemory) {
      const { usedBytes, totalBytes, limitBytes, precise } = lastMemory;
      emit({ type: 'monitor', tMs, kind: 'memory', usedBytes, totalBytes, ...(limitBytes === undefined ? {} : { limitBytes }), precise });
      safeguards.heap(tMs, usedBytes, totalBytes, limitBytes);
    }
    updateLimits();
    checkResponses();
    if (tMs - lastTrendCheckMs >= trendCheckIntervalMs) {
      lastTrendCheckMs = tMs;
      for (const found of trend.check(tMs, thresholds)) warning(tMs, found.id, found.message);
    }
    live.push(lastMemory?.usedBytes ?? null, bufferedBytes);
  }

  function onSocket(socket: WebSocket): void {
    socketCount += 1;
    liveObjects.addSocket(socket);
    taps.push(new SocketTap(socket, `ws-${socketCount}`, { now, onFrame: (frame, tMs, id, sent) => tracker.handle(frame, tMs, id, sent), onMessageHandled }));
  }

  function onPeer(pc: RTCPeerConnection): void {
    peerCount += 1;
    const tapContext = { now, onFrame: tracker.handle.bind(tracker), onMessageHandled };
    peers.push(new PeerTap(pc, `pc-${peerCount}`, () => `dc-${++channelCount}`, tapContext));
  }

  if (options.wrapWebSocket !== false) wrapWebSocket(globalThis, onSocket);
  if (options.wrapPeerConnection !== false) wrapPeerConnection(globalThis, onPeer);
  const outputTap = options.tapAudioOutput === false || options.now ? null : installOutputTap({ emit, originMs, now, scope: globalThis, NativeAudioContext });
  let longTaskObserver: PerformanceObserver | undefined;
  try {
    if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
      longTaskObserver = new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          emit({ type: 'monitor', tMs: options.now ? now() : MS(entry.startTime - originMs), kind: 'long-task', durationMs: MS(entry.duration) });
      });
      longTaskObserver.observe({ type: 'longtask', buffered: true });
    }
  } catch {
    longTaskObserver = undefined;
  }
  const interval = options.autoStart === false ? undefined : setInterval(tick, sampleIntervalMs);
  const header = (): LogHeader =>
    monitorHeader({
      startedAt,
      sampleIntervalMs,
      thresholds,
      dialect: tracker.dialect,
      targetKind: options.targetKind,
      meta: options.meta,
      dropped: store.dropped(),
    });

  const monitor = {
    version: MONITOR_VERSION,
    startedAt,
    /** Epoch ms of tMs = 0 (to merge drained records into another log). */
    timeOriginMs,
    thresholds,
    live,
    recordAudioChunk(processingMs: number, pendingChunks: number): void {
      const tMs = now();
      emit({ type: 'monitor', tMs, kind: 'audio-chunk', processingMs: MS(processingMs), pendingChunks: COUNT(pendingChunks) });
      live.pendingChunks = COUNT(pendingChunks);
      safeguards.pendingChunks(tMs, COUNT(pendingChunks));
    },
    recordPlayback(pendingChunks: number, underrun = false): void {
      const tMs = now();
      emit({ type: 'monitor', tMs, kind: 'playback', pendingChunks: COUNT(pendingChunks), underrun: Boolean(underrun) });
      live.pendingChunks = COUNT(pendingChunks);
      safeguards.pendingChunks(tMs, COUNT(pendingChunks));
    },
    recordInterruption(reason: string, responseId?: string): void {
      emit({ type: 'monitor', tMs: now(), kind: 'interruption', reason: TEXT(reason), ...(responseId ? { responseId: TEXT(responseId) } : {}) });
    },
    recordError(source: string, message: string, code?: string): void {
      emit({ type: 'monitor', tMs: now(), kind: 'error', source: TEXT(source), message: TEXT(message), ...(code ? { code: TEXT(code) } : {}) });
    },
    mark(name: string, detail?: string): void {
      emit({ type: 'monitor', tMs: now(), kind: 'mark', name: TEXT(name), ...(detail !== undefined ? { detail: TEXT(detail) } : {}) });
    },
    registerHooks(more: Partial<AppHooks>): void {
      Object.assign(registeredHooks, more);
    },
    drain: (): string[] => {
      outputTap?.flush();
      return store.drain();
    },
    header,
    records: (): LogRecord[] => store.records(),
    exportLog: (): string => store.exportLog(header()),
    clear(): void {
      store.clear();
      live.clear();
      trend.clear();
      safeguards.reset();
    },
    analyze(): Report {
      if (!deps.analyze) throw new Error('voice-soak monitor: this build has no analyzer (use voice-soak-monitor.js or .mjs)');
      return deps.analyze({ header: header(), records: store.records() }, thresholds);
    },
    renderReport(report?: Report): string {
      if (!deps.renderText) throw new Error('voice-soak monitor: this build has no text renderer');
      return deps.renderText(report ?? monitor.analyze());
    },
    onRecord: (listener: (record: LogRecord) => void): (() => void) => store.onRecord(listener),
    limits: (): SafeguardLimits => ({ ...limits }),
    /** Live AudioContexts, MediaStreamTracks, RTCPeerConnections and WebSockets (the CDP sampler reads these). */
    liveCounts: () => liveObjects.counts(),
    /** The audio output tap (null when off or unsupported): setEnabled(on), stats(). */
    outputTap,
    tick,
    stop(): void {
      if (interval !== undefined) clearInterval(interval);
      if (responseTimer !== undefined) clearTimeout(responseTimer);
      longTaskObserver?.disconnect();
    },
    stats: () => ({
      records: store.size(),
      dropped: store.dropped(),
      sockets: taps.length,
      peerConnections: peers.length,
      handlersInFlight: taps.reduce((n, t) => n + t.handlersInFlight(), 0),
    }),
  };
  return monitor;
}
