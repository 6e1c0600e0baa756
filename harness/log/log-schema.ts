/**
 * The one voice-soak log format (JSONL): a header line, then one record per line.
 *
 * Every collector (CDP sampler, WebSocket tap, in-page monitor, harness) writes these records; the page's
 * "Download Logs" file is the same format. Times are `tMs`: milliseconds since the header's `startedAt`.
 * Pure module: no fs, no clock, no environment. Bump LOG_SCHEMA_VERSION on any incompatible change.
 */
import { z } from 'zod';
import { thresholdsSchema } from '../thresholds/thresholds-schema.ts';

import { heapSitesRecordSchema } from './heap-sites-schema.ts';
import { heapSnapshotDiffRecordSchema } from './heap-snapshot-diff-schema.ts';
import { LOG_SCHEMA_VERSION, OLDEST_READABLE_LOG_SCHEMA_VERSION } from './log-version.ts';
import { dataChannelSampleSchema, rtcStatsSampleSchema } from './webrtc-schema.ts';

export { LOG_SCHEMA_VERSION, OLDEST_READABLE_LOG_SCHEMA_VERSION };

const tMs = z.number().finite().nonnegative();
const count = z.number().int().nonnegative();
const bytes = z.number().finite().nonnegative();
const ms = z.number().finite().nonnegative();
const shortText = z.string().max(4096);

export const logHeaderSchema = z.object({
  type: z.literal('header'),
  /** Written as LOG_SCHEMA_VERSION; older versions this one can read are accepted (log-version.ts). */
  schemaVersion: z.number().int().min(OLDEST_READABLE_LOG_SCHEMA_VERSION).max(LOG_SCHEMA_VERSION),
  tool: z.object({ name: z.literal('voice-soak'), version: shortText }),
  /** Where the records came from: the Playwright harness, or the in-page monitor's Download Logs. */
  source: z.enum(['harness', 'page']),
  target: z.object({
    url: shortText,
    kind: z.enum(['embedded', 'external']),
    dialect: z.enum(['beta', 'ga', 'unknown']).optional(),
  }),
  /** ISO 8601 wall-clock time of tMs = 0. */
  startedAt: z.iso.datetime({ offset: true }),
  sampleIntervalMs: z.number().finite().positive(),
  thresholds: thresholdsSchema,
  faults: z.array(shortText).default([]),
  meta: z.record(z.string(), shortText).default({}),
});

/** Live objects of the kinds a start/stop leak leaves behind, as the in-page monitor counts them. */
export const liveCountsSchema = z.object({
  audioContexts: count,
  mediaStreamTracks: count,
  peerConnections: count,
  webSockets: count,
});

/**
 * One CDP sample (Performance.getMetrics + SystemInfo.getProcessInfo + Runtime.getHeapUsage, the renderer's RSS,
 * and the in-page monitor's live counts).
 */
export const cdpSampleSchema = z.object({
  type: z.literal('cdp'),
  tMs,
  heapUsedBytes: bytes,
  heapTotalBytes: bytes,
  domNodes: count,
  eventListeners: count,
  documents: count,
  frames: count.optional(),
  /** Renderer main-thread busy time so far (Performance.getMetrics TaskDuration), seconds. */
  taskDurationS: z.number().finite().nonnegative().optional(),
  /** CPU time so far per browser process (SystemInfo.getProcessInfo), seconds. */
  cpu: z.array(z.object({ processType: shortText, id: count, cpuTimeS: z.number().finite().nonnegative() })).optional(),
  /** True when HeapProfiler.collectGarbage ran right before this sample (a post-GC low). */
  afterGc: z.boolean().default(false),
  /** How long the sample took to collect (CDP round trips), ms. */
  sampleLatencyMs: ms.optional(),
  /**
   * ArrayBuffer backing stores (Runtime.getHeapUsage backingStorageSize): typed arrays and AudioBuffers, which
   * JSHeapUsedSize does not include.
   */
  backingStorageBytes: bytes.optional(),
  /** Embedder (Blink) heap in use (Runtime.getHeapUsage embedderHeapUsedSize). */
  embedderHeapBytes: bytes.optional(),
  /** Resident memory of the page's renderer process (/proc/<pid>/status VmRSS) and its pid. */
  rendererRssBytes: bytes.optional(),
  rendererPid: count.optional(),
  /** Live objects the in-page monitor counts (created and not yet closed or ended); absent without the monitor. */
  live: liveCountsSchema.optional(),
});

/**
 * One conversation cycle ended (the harness hung up: the app's stop control, or a reload) and a forced GC ran:
 * the counts that a start/stop leak makes grow. cycle 0 is the baseline before the first start.
 */
export const cycleRecordSchema = z.object({
  type: z.literal('cycle'),
  tMs,
  cycle: count,
  /** How the conversation was hung up: 'baseline' (cycle 0), 'stop-selector', 'reload'. */
  hungUpBy: z.enum(['baseline', 'stop-selector', 'reload']),
  live: liveCountsSchema.optional(),
  eventListeners: count,
  domNodes: count,
  heapUsedBytes: bytes,
  backingStorageBytes: bytes.optional(),
});

/**
 * One utterance the fake microphone spoke: when its speech began and ended (its first and last audible sample), on
 * the harness clock. precise: true when the page's mic timed it (controllable mic), false when it follows the
 * device mic's plan. cutAtMs: the utterance was cut short there (the script stopped it).
 */
export const micSpeechSchema = z.object({
  type: z.literal('mic'),
  tMs,
  endMs: tMs,
  turn: count.optional(),
  utterance: shortText,
  precise: z.boolean(),
});

/** State of one WebSocket at one instant (init-script wrapper for readyState/bufferedAmount; CDP or wrapper for counts). */
export const wsSampleSchema = z.object({
  type: z.literal('ws'),
  tMs,
  socketId: shortText,
  url: shortText,
  readyState: z.number().int().min(0).max(3),
  bufferedAmountBytes: bytes,
  framesSent: count,
  framesReceived: count,
  bytesSent: bytes,
  bytesReceived: bytes,
});

/** Realtime protocol events derived from WebSocket frames (by the tap or the in-page monitor). */
const rtBase = { type: z.literal('rt'), tMs, socketId: shortText.optional() };
export const rtEventSchema = z.discriminatedUnion('kind', [
  z.object({ ...rtBase, kind: z.literal('speech-started'), itemId: shortText.optional() }),
  z.object({ ...rtBase, kind: z.literal('speech-stopped'), itemId: shortText.optional() }),
  z.object({ ...rtBase, kind: z.literal('committed'), itemId: shortText.optional() }),
  z.object({ ...rtBase, kind: z.literal('response-requested') }),
  z.object({ ...rtBase, kind: z.literal('response-created'), responseId: shortText }),
  z.object({ ...rtBase, kind: z.literal('first-audio'), responseId: shortText }),
  /** One reply audio delta; gapMs is the time since the previous delta of the same response. */
  z.object({ ...rtBase, kind: z.literal('audio-delta'), responseId: shortText, bytes, gapMs: ms.optional() }),
  z.object({
    ...rtBase,
    kind: z.literal('response-done'),
    responseId: shortText,
    status: z.enum(['completed', 'cancelled', 'failed', 'incomplete', 'in_progress']),
  }),
  /** An `error` event from the server; errorType is its error.type ('invalid_request_error', 'server_error', ...). */
  z.object({ ...rtBase, kind: z.literal('protocol-error'), code: shortText.optional(), errorType: shortText.optional(), message: shortText }),
]);

/** Records of the in-page Performance Monitor. */
const monBase = { type: z.literal('monitor'), tMs };
export const monitorRecordSchema = z.discriminatedUnion('kind', [
  /**
   * One received message: time since the previous one, time in its handlers, and in queueSize (the name is part of
   * the versioned contract) the earlier messages on the socket whose handlers were still running when it arrived.
   */
  z.object({
    ...monBase,
    kind: z.literal('message'),
    socketId: shortText.optional(),
    eventType: shortText.optional(),
    gapMs: ms.optional(),
    handlerMs: ms,
    queueSize: count,
  }),
  z.object({ ...monBase, kind: z.literal('audio-chunk'), processingMs: ms, pendingChunks: count }),
  z.object({ ...monBase, kind: z.literal('playback'), pendingChunks: count, underrun: z.boolean().default(false) }),
  z.object({ ...monBase, kind: z.literal('audio-gap'), gapMs: ms, responseId: shortText.optional() }),
  z.object({ ...monBase, kind: z.literal('interruption'), reason: shortText, responseId: shortText.optional() }),
  z.object({ ...monBase, kind: z.literal('error'), source: shortText, message: shortText, code: shortText.optional() }),
  z.object({
    ...monBase,
    kind: z.literal('safeguard'),
    name: z.enum(['audio-chunk-cleanup', 'response-timeout', 'event-processing-timeout', 'memory-warning']),
    message: shortText,
    state: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({ ...monBase, kind: z.literal('warning'), id: shortText, message: shortText }),
  z.object({
    ...monBase,
    kind: z.literal('memory'),
    usedBytes: bytes,
    totalBytes: bytes,
    limitBytes: bytes.optional(),
    precise: z.boolean(),
  }),
  z.object({ ...monBase, kind: z.literal('long-task'), durationMs: ms }),
  /**
   * What the page played, as the output tap heard it (monitor/audio-output-tap.ts): the RMS level of each frameMs
   * frame in dBFS (integers, -100 for silence), from tMs (the audible time of the first frame, on the monitor's
   * clock). source: 'webaudio' (whatever an AudioContext connects to its destination) or 'media' (an <audio> or
   * <video> element's srcObject or src); sourceId tells contexts and elements apart.
   */
  z.object({
    ...monBase,
    kind: z.literal('audio-out'),
    source: z.enum(['webaudio', 'media']),
    sourceId: shortText,
    frameMs: z.number().finite().positive().max(1000),
    levelsDb: z.array(z.number().int().min(-100).max(0)).max(1000),
  }),
  z.object({ ...monBase, kind: z.literal('mark'), name: shortText, detail: shortText.optional() }),
]);

/**
 * What the harness itself did or saw. Kinds with structured `data` (all fields short strings, numbers or booleans):
 *  - fault:     {fault, status: 'applied'|'not-applied', by?, reason?}: whether an injected fault reached its side;
 *  - dialog:    {dialogType: 'alert'|'confirm'|'prompt'|'beforeunload', message, action: 'accepted'|'dismissed'};
 *  - worker-ws: {url, worker, framesSent, framesReceived, bytesSent, bytesReceived, closed, socketId?}: a socket inside a Web
 *               Worker, seen only through CDP (the in-page monitor cannot wrap it);
 *  - blocked:   {url, channel: 'http'|'ws'}: SOAK_LOOPBACK_ONLY aborted a request to a non-loopback host;
 *  - unresponsive: {sinceMs, forMs, state: 'began'|'ended'}: the page's renderer stopped answering CDP (a busy or
 *               hung main thread) since sinceMs; 'began' once it has lasted the sampler's limit, 'ended' when it
 *               answered again after forMs.
 *  - ws-closed: {url}: a page socket closed (CDP Network.webSocketClosed): dropped by the server or the network,
 *               or closed by the app;
 *  - clock-jump: {jumpMs}: the wall clock moved jumpMs more than the monotonic clock between two samples (NTP step,
 *               suspend, a manual change); tMs stays monotonic.
 */
export const harnessEventSchema = z.object({
  type: z.literal('harness'),
  tMs,
  kind: z.enum([
    'turn-start',
    'turn-end',
    'reconnect',
    'crash',
    'fault',
    'gc',
    'note',
    'run-end',
    'sample-timeout',
    'dialog',
    'worker-ws',
    'blocked',
    'unresponsive',
    'ws-closed',
    'clock-jump',
  ]),
  turn: count.optional(),
  detail: shortText.optional(),
  data: z.record(z.string(), z.union([shortText, z.number().finite(), z.boolean()])).optional(),
});

/** The `data` of a worker-ws record, for the collector that writes it and the analyzer that reads it. */
export interface WorkerWsData {
  url: string;
  worker: string;
  framesSent: number;
  framesReceived: number;
  bytesSent: number;
  bytesReceived: number;
  closed: boolean;
  /** Tells apart two sockets to the same URL from one worker (a reconnect); records of one socket repeat its totals. */
  socketId?: string;
}

export const logRecordSchema = z.discriminatedUnion('type', [
  cdpSampleSchema,
  wsSampleSchema,
  rtEventSchema,
  monitorRecordSchema,
  harnessEventSchema,
  heapSitesRecordSchema,
  heapSnapshotDiffRecordSchema,
  cycleRecordSchema,
  micSpeechSchema,
  dataChannelSampleSchema,
  rtcStatsSampleSchema,
]);

export type LogHeader = z.infer<typeof logHeaderSchema>;
export type LogHeaderInput = z.input<typeof logHeaderSchema>;
export type CdpSample = z.infer<typeof cdpSampleSchema>;
export type WsSample = z.infer<typeof wsSampleSchema>;
export type RtEvent = z.infer<typeof rtEventSchema>;
export type MonitorRecord = z.infer<typeof monitorRecordSchema>;
export type HarnessEvent = z.infer<typeof harnessEventSchema>;
export type LiveCounts = z.infer<typeof liveCountsSchema>;
export type CycleRecord = z.infer<typeof cycleRecordSchema>;
export type MicSpeech = z.infer<typeof micSpeechSchema>;
export type LogRecord = z.infer<typeof logRecordSchema>;
export type { HeapSitesRecord } from './heap-sites-schema.ts';
export type { DataChannelSample, RtcStatsSample } from './webrtc-schema.ts';
export type { HeapSnapshotDiffRecord } from './heap-snapshot-diff-schema.ts';

/** A whole log in memory (the page, tests). Large logs are streamed record by record instead. */
export interface SoakLog {
  header: LogHeader;
  records: LogRecord[];
}
