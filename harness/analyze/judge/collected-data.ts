/**
 * What the streaming analyzer keeps while reading a log: compact per-signal arrays and counters, no raw records.
 * An 8-hour log (a sample per second, ~100k messages) stays in the tens of MB.
 */
import type { WebRtcData } from './webrtc-data.ts';
import type { CycleRecord, LogHeader, WorkerWsData } from '../../log/log-schema.ts';
import type { HeapSitesRecord } from '../../log/heap-sites-schema.ts';
import type { HeapSnapshotDiffRecord } from '../../log/heap-snapshot-diff-schema.ts';
import type { Thresholds } from '../../thresholds/thresholds-schema.ts';
import type { SpokenTurn } from './edge-turns.ts';
import type { OutputRuns } from './output-runs.ts';
import type { TurnMatcher } from './turn-matcher.ts';

/** Parallel arrays: tMs[i] goes with values[i]. */
export interface TimeSeries {
  tMs: number[];
  values: number[];
}

export interface CollectedData {
  header: LogHeader;
  thresholds: Thresholds;
  recordCounts: Record<string, number>;
  firstTMs: number | null;
  lastTMs: number;
  cdp: { heapUsedBytes: TimeSeries; afterGc: boolean[]; domNodes: TimeSeries; eventListeners: TimeSeries };
  /**
   * Memory the JS heap does not show, from the CDP samples that carry it (afterGc parallel to each series):
   * ArrayBuffer backing stores, the renderer's RSS, and all of the page's memory (JS heap + backing stores +
   * embedder heap) for the memory limit.
   */
  memory: { backingStorage: GcSeries; rendererRss: GcSeries; pageTotal: GcSeries };
  /** The harness's `cycle` records (one per hang-up, cycle 0 the baseline), in log order. */
  cycles: CycleRecord[];
  /** Gaps between consecutive CDP samples: the largest, how many exceeded maxSampleGapMs, and where the largest was. */
  sampleGaps: { maxMs: number | null; overBudget: number; maxAtMs: number | null; timeouts: number };
  pageMemory: { usedBytes: TimeSeries; limitBytes: number | null };
  wsBufferedBytes: TimeSeries;
  wsSockets: Set<string>;
  /** Per socket, as of its latest sample: when it last received a message, and what it had sent by then. */
  wsReplies: Map<string, WsReplyState>;
  /** tMs of the harness's turn-start records (the user began to speak). */
  turnStartsMs: number[];
  handlerMs: TimeSeries;
  queueSize: TimeSeries;
  audioProcessingMs: TimeSeries;
  pendingChunks: TimeSeries;
  turnMatcher: TurnMatcher;
  /** Reply-audio gaps over audioGapMs, from the WebSocket tap (rt) and from the in-page monitor. */
  audioGaps: { rt: TimeSeries; monitor: TimeSeries };
  /** reasons: count per interruption reason, in the order first seen (a Map: a reason named `constructor` or `__proto__` counts too). */
  interruptions: { total: number; unplanned: number; cancelledResponses: number; reasons: Map<string, number> };
  errors: { monitor: number; protocol: number; firstMessage: string | null; firstAtMs: number | null };
  crashes: { count: number; firstAtMs: number | null; detail: string | null };
  safeguards: Record<string, { count: number; firstAtMs: number }>;
  longTasks: { count: number; overTimeout: number; maxMs: number | null };
  slowHandlers: { count: number; maxMs: number | null; firstAtMs: number | null };
  /** Errors the server sent because the client misused the protocol, as the tap (rt) and the app (monitor) saw them. */
  clientMisuse: { rt: MisuseTally; monitor: MisuseTally };
  /** The first WebSocket close code the app reported (a monitor error with a 1000-4999 code), or null. */
  firstCloseCode: string | null;
  /** Harness notes that explain missing data (the first of each kind). */
  notes: HarnessNotes;
  dialogs: { count: number; first: PageDialog | null };
  /** Sockets the page saw close (harness 'ws-closed'), and the planned reconnects (harness 'reconnect'). */
  socketCloses: Array<{ tMs: number; url: string }>;
  plannedReconnectsMs: number[];
  /** Wall-clock jumps the harness noticed (harness 'clock-jump'). */
  clockJumps: Array<{ tMs: number; jumpMs: number }>;
  /**
   * Episodes in which the page did not answer CDP for longer than the sampler's limit (harness 'unresponsive'
   * records): when it began, how long it lasted, and whether it answered again before the run ended.
   */
  unresponsive: Array<{ sinceMs: number; forMs: number; ended: boolean }>;
  /** The harness's closing record (its detail starts with why the run ended), or null when the log has none. */
  runEnd: { tMs: number; detail: string | undefined } | null;
  /** Sockets inside Web Workers, seen only over CDP: the last record per socket (data.socketId, else url) and worker. */
  workerSockets: Map<string, WorkerSocket>;
  /** Requests SOAK_LOOPBACK_ONLY aborted. */
  blocked: { count: number; first: BlockedRequest | null };
  faults: FaultEvidence;
  /** The sampling heap profile's checkpoints (heap-sites records, already capped per record), in log order. */
  heapSites: HeapSitesRecord[];
  /** The heap snapshot diff (SOAK_HEAP_SNAPSHOTS=1), the last one in the log, or null. */
  heapSnapshotDiff: HeapSnapshotDiffRecord | null;
  /** The audio edges: the fake mic's speech (mic records), the output tap's audible runs, and why the tap failed. */
  edges: { speech: SpokenTurn[]; output: OutputRuns; tapError: string | null };
  /** The protocol's turn events (speech stopped, response created, first audio), for a turn's timeline strip. */
  turnEvents: Array<{ tMs: number; label: string }>;
  /** WebRTC: getStats intervals, data channel buffers, whether this was a WebRTC run (webrtc-data.ts). */
  webrtc: WebRtcData;
}

export interface MisuseTally {
  count: number;
  /** Count per error code, in the order first seen (a Map: codes come from the server and may be any string). */
  codes: Map<string, number>;
  firstAtMs: number | null;
  firstMessage: string | null;
}

export interface HarnessNotes {
  /** "in-page monitor not found ...": the monitor (source of ws, rt and message records) never answered. */
  monitorMissing: string | null;
  /** "no open WebSocket seen ... after start". */
  noSocket: string | null;
  /** "redirect-ws <from> -> <to>": a socket was redirected. */
  redirect: string | null;
  /** The first note that mentions an error (an upstream failure, a failed CDP call). */
  failure: string | null;
}

export interface PageDialog {
  tMs: number;
  dialogType: string;
  message: string;
  action: string;
}

/** A socket in a Web Worker as its last worker-ws record described it. */
export type WorkerSocket = WorkerWsData;

export interface BlockedRequest {
  tMs: number;
  url: string;
  channel: string;
}

/** Whether each injected fault reached its side (see fault-evidence.ts). Keys are fault names ('ttfr-growth'). */
export interface FaultEvidence {
  /** Named applied by a harness `fault` record: name -> who applied it (data.by, or 'harness'). */
  applied: Map<string, string>;
  /** Named not applied by a harness `fault` record: name -> the first reason. */
  notApplied: Map<string, string>;
  /** Named in a socket URL's voice_soak_faults parameter (the reference app forwards its faults that way). */
  inSocketUrl: Set<string>;
  /** Marked applied by the app (a monitor mark 'fault-applied' whose detail names the fault). */
  marked: Set<string>;
  /** The embedded server's error message when it ignored a malformed voice_soak_faults, else null. */
  specIgnored: string | null;
}

export interface WsReplyState {
  readyState: number;
  lastTMs: number;
  bytesSent: number;
  framesReceived: number;
  /** tMs of the sample where framesReceived last grew (or the socket's first sample). */
  lastReceiveMs: number;
  bytesSentAtLastReceive: number;
}

/** A series with, per point, whether a forced GC ran right before it. */
export interface GcSeries extends TimeSeries {
  afterGc: boolean[];
}

export function emptyGcSeries(): GcSeries {
  return { tMs: [], values: [], afterGc: [] };
}

export function emptySeries(): TimeSeries {
  return { tMs: [], values: [] };
}

export function emptyMisuseTally(): MisuseTally {
  return { count: 0, codes: new Map(), firstAtMs: null, firstMessage: null };
}
