/**
 * Fold one log record into the analyzer's collected data. Records are trusted (validated once at the edge by the
 * reader, or built by typed code); nothing here parses or throws.
 */
import type { CdpSample, LogHeader, LogRecord, MonitorRecord, RtEvent, WsSample } from '../log/log-schema.ts';
import type { Thresholds } from '../thresholds/thresholds-schema.ts';
import { isClientMisuse } from './client-misuse-codes.ts';
import { emptyGcSeries, emptyMisuseTally, emptySeries, type CollectedData, type GcSeries, type MisuseTally, type TimeSeries } from './judge/collected-data.ts';
import { collectHarnessEvent, emptyHarnessNotes } from './collect-harness-event.ts';
import { emptyFaultEvidence, noteFaultMark, noteServerError, noteSocketUrl } from './judge/fault-evidence.ts';
import { createOutputRuns } from './judge/output-runs.ts';
import { createTurnMatcher } from './judge/turn-matcher.ts';
import { collectDataChannelSample, collectRtcSample, emptyWebRtcData, noteRealtimeAnswer } from './judge/webrtc-data.ts';

/** Interruption reasons that a script asked for (barge-in), not ones the app was forced into. */
const PLANNED_INTERRUPTION = /barge|user|planned|script/i;
/** A WebSocket close code (1000-4999), as the reference app reports a close: recordError('websocket', why, '1006'). */
const CLOSE_CODE = /^[1-4]\d{3}$/;

export function createCollectedData(header: LogHeader, thresholds: Thresholds): CollectedData {
  return {
    header,
    thresholds,
    recordCounts: {},
    firstTMs: null,
    lastTMs: 0,
    cdp: { heapUsedBytes: emptySeries(), afterGc: [], domNodes: emptySeries(), eventListeners: emptySeries() },
    memory: { backingStorage: emptyGcSeries(), rendererRss: emptyGcSeries(), pageTotal: emptyGcSeries() },
    cycles: [],
    sampleGaps: { maxMs: null, overBudget: 0, maxAtMs: null, timeouts: 0 },
    pageMemory: { usedBytes: emptySeries(), limitBytes: null },
    wsBufferedBytes: emptySeries(),
    wsSockets: new Set(),
    wsReplies: new Map(),
    turnStartsMs: [],
    handlerMs: emptySeries(),
    queueSize: emptySeries(),
    audioProcessingMs: emptySeries(),
    pendingChunks: emptySeries(),
    turnMatcher: createTurnMatcher(),
    audioGaps: { rt: emptySeries(), monitor: emptySeries() },
    interruptions: { total: 0, unplanned: 0, cancelledResponses: 0, reasons: new Map() },
    errors: { monitor: 0, protocol: 0, firstMessage: null, firstAtMs: null },
    crashes: { count: 0, firstAtMs: null, detail: null },
    safeguards: {},
    longTasks: { count: 0, overTimeout: 0, maxMs: null },
    slowHandlers: { count: 0, maxMs: null, firstAtMs: null },
    clientMisuse: { rt: emptyMisuseTally(), monitor: emptyMisuseTally() },
    firstCloseCode: null,
    notes: emptyHarnessNotes(),
    dialogs: { count: 0, first: null },
    socketCloses: [],
    plannedReconnectsMs: [],
    clockJumps: [],
    unresponsive: [],
    runEnd: null,
    workerSockets: new Map(),
    blocked: { count: 0, first: null },
    heapSites: [],
    heapSnapshotDiff: null,
    faults: emptyFaultEvidence(),
    edges: { speech: [], output: createOutputRuns(), tapError: null },
    turnEvents: [],
    webrtc: emptyWebRtcData(),
  };
}

const push = (series: TimeSeries, tMs: number, value: number): void => {
  series.tMs.push(tMs);
  series.values.push(value);
};

export function collectRecord(data: CollectedData, record: LogRecord): void {
  data.recordCounts[record.type] = (data.recordCounts[record.type] ?? 0) + 1;
  if (data.firstTMs === null) data.firstTMs = record.tMs;
  if (record.tMs > data.lastTMs) data.lastTMs = record.tMs;
  switch (record.type) {
    case 'cdp': {
      const heap = data.cdp.heapUsedBytes;
      const previousMs = heap.tMs.length ? heap.tMs[heap.tMs.length - 1]! : null;
      if (previousMs !== null) {
        const gapMs = record.tMs - previousMs;
        if (data.sampleGaps.maxMs === null || gapMs > data.sampleGaps.maxMs) {
          data.sampleGaps.maxMs = gapMs;
          data.sampleGaps.maxAtMs = previousMs;
        }
        if (gapMs > data.thresholds.maxSampleGapMs) data.sampleGaps.overBudget++;
      }
      push(heap, record.tMs, record.heapUsedBytes);
      data.cdp.afterGc.push(record.afterGc === true);
      push(data.cdp.domNodes, record.tMs, record.domNodes);
      push(data.cdp.eventListeners, record.tMs, record.eventListeners);
      collectMemory(data, record);
      if (record.live && record.live.peerConnections > data.webrtc.peerConnectionsSeen) data.webrtc.peerConnectionsSeen = record.live.peerConnections;
      break;
    }
    case 'cycle':
      data.cycles.push(record);
      break;
    case 'ws':
      if (!data.wsSockets.has(record.socketId)) noteSocketUrl(data.faults, record.url);
      data.wsSockets.add(record.socketId);
      push(data.wsBufferedBytes, record.tMs, record.bufferedAmountBytes);
      noteWsReply(data, record);
      break;
    case 'rt':
      collectRtEvent(data, record);
      break;
    case 'monitor':
      collectMonitorRecord(data, record);
      break;
    case 'harness':
      collectHarnessEvent(data, record);
      break;
    case 'heap-sites':
      data.heapSites.push(record);
      break;
    case 'heap-snapshot-diff':
      data.heapSnapshotDiff = record;
      break;
    case 'rtc':
      collectRtcSample(data.webrtc, record);
      break;
    case 'dc':
      collectDataChannelSample(data.webrtc, record);
      break;
    case 'mic':
      data.edges.speech.push({ turn: record.turn, startMs: record.tMs, endMs: record.endMs });
      break;
  }
}

function pushGc(series: GcSeries, tMs: number, value: number, afterGc: boolean): void {
  push(series, tMs, value);
  series.afterGc.push(afterGc);
}

function collectMemory(data: CollectedData, record: CdpSample): void {
  const afterGc = record.afterGc === true;
  if (record.backingStorageBytes !== undefined) {
    pushGc(data.memory.backingStorage, record.tMs, record.backingStorageBytes, afterGc);
    pushGc(data.memory.pageTotal, record.tMs, record.heapUsedBytes + record.backingStorageBytes + (record.embedderHeapBytes ?? 0), afterGc);
  }
  if (record.rendererRssBytes !== undefined) pushGc(data.memory.rendererRss, record.tMs, record.rendererRssBytes, afterGc);
}

function noteWsReply(data: CollectedData, record: WsSample): void {
  const seen = data.wsReplies.get(record.socketId);
  const received = !seen || record.framesReceived > seen.framesReceived;
  data.wsReplies.set(record.socketId, {
    readyState: record.readyState,
    lastTMs: record.tMs,
    bytesSent: record.bytesSent,
    framesReceived: record.framesReceived,
    lastReceiveMs: received ? record.tMs : seen.lastReceiveMs,
    bytesSentAtLastReceive: received ? record.bytesSent : seen.bytesSentAtLastReceive,
  });
}

const TURN_EVENT_LABELS: Partial<Record<RtEvent['kind'], string>> = {
  'speech-stopped': 'speech_stopped',
  'response-created': 'response.created',
  'first-audio': 'first audio delta',
};

function collectRtEvent(data: CollectedData, event: RtEvent): void {
  noteRealtimeAnswer(data.webrtc, event);
  data.turnMatcher.add(event);
  const label = TURN_EVENT_LABELS[event.kind];
  if (label) data.turnEvents.push({ tMs: event.tMs, label });
  if (event.kind === 'audio-delta' && event.gapMs !== undefined && event.gapMs > data.thresholds.audioGapMs) push(data.audioGaps.rt, event.tMs, event.gapMs);
  else if (event.kind === 'protocol-error') {
    noteServerError(data.faults, event.message);
    if (isClientMisuse(event)) tallyMisuse(data.clientMisuse.rt, event.tMs, event.code ?? event.errorType ?? 'invalid_request_error', event.message);
    else noteError(data, event.tMs, `protocol error${event.code ? ` ${event.code}` : ''}: ${event.message}`, 'protocol');
  } else if (event.kind === 'response-done' && event.status === 'cancelled') data.interruptions.cancelledResponses++;
}

function collectMonitorRecord(data: CollectedData, record: MonitorRecord): void {
  switch (record.kind) {
    case 'message':
      push(data.handlerMs, record.tMs, record.handlerMs);
      push(data.queueSize, record.tMs, record.queueSize);
      if (record.handlerMs > data.thresholds.eventProcessingTimeoutMs) {
        data.slowHandlers.count++;
        if (data.slowHandlers.firstAtMs === null) data.slowHandlers.firstAtMs = record.tMs;
      }
      if (data.slowHandlers.maxMs === null || record.handlerMs > data.slowHandlers.maxMs) data.slowHandlers.maxMs = record.handlerMs;
      break;
    case 'audio-chunk':
      push(data.audioProcessingMs, record.tMs, record.processingMs);
      push(data.pendingChunks, record.tMs, record.pendingChunks);
      break;
    case 'playback':
      push(data.pendingChunks, record.tMs, record.pendingChunks);
      break;
    case 'audio-gap':
      if (record.gapMs > data.thresholds.audioGapMs) push(data.audioGaps.monitor, record.tMs, record.gapMs);
      break;
    case 'interruption':
      data.interruptions.total++;
      data.interruptions.reasons.set(record.reason, (data.interruptions.reasons.get(record.reason) ?? 0) + 1);
      if (!PLANNED_INTERRUPTION.test(record.reason)) data.interruptions.unplanned++;
      break;
    case 'audio-out':
      data.edges.output.add(record);
      break;
    case 'error':
      // The harness's own output tap failing is not the app's error: it is why the output was not measured.
      if (record.source === 'output-tap') {
        data.edges.tapError ??= record.message;
        break;
      }
      noteServerError(data.faults, record.message);
      if (record.code !== undefined && CLOSE_CODE.test(record.code)) data.firstCloseCode ??= record.code;
      // The app's copy of a server error the tap also decoded: misuse is counted apart, never as an app error.
      if (record.code !== undefined && isClientMisuse({ code: record.code })) tallyMisuse(data.clientMisuse.monitor, record.tMs, record.code, record.message);
      else noteError(data, record.tMs, `${record.source}: ${record.message}`, 'monitor');
      break;
    case 'mark':
      noteFaultMark(data.faults, record);
      break;
    case 'safeguard': {
      const seen = data.safeguards[record.name];
      if (seen) seen.count++;
      else data.safeguards[record.name] = { count: 1, firstAtMs: record.tMs };
      break;
    }
    case 'memory':
      push(data.pageMemory.usedBytes, record.tMs, record.usedBytes);
      if (record.limitBytes !== undefined) data.pageMemory.limitBytes = record.limitBytes;
      break;
    case 'long-task':
      data.longTasks.count++;
      if (record.durationMs > data.thresholds.eventProcessingTimeoutMs) data.longTasks.overTimeout++;
      if (data.longTasks.maxMs === null || record.durationMs > data.longTasks.maxMs) data.longTasks.maxMs = record.durationMs;
      break;
    default:
      break;
  }
}

function noteError(data: CollectedData, tMs: number, message: string, source: 'monitor' | 'protocol'): void {
  data.errors[source]++;
  if (data.errors.firstMessage === null) {
    data.errors.firstMessage = message;
    data.errors.firstAtMs = tMs;
  }
}

function tallyMisuse(tally: MisuseTally, tMs: number, code: string, message: string): void {
  tally.count++;
  tally.codes.set(code, (tally.codes.get(code) ?? 0) + 1);
  if (tally.firstAtMs === null) {
    tally.firstAtMs = tMs;
    tally.firstMessage = message;
  }
}
