/**
 * The fault patterns a synthetic log can carry: CLI name (--fault heap-leak=2), option field, unit, the issue id the
 * analyzer must raise, and the detection floor (smallest severity reliably flagged in a 7-minute log; measured by
 * tests/unit/synth/detection-floor.test.ts and documented in harness/synth/README.md).
 */
export interface SynthFaults {
  /** Retained heap growth, MB per minute. */
  heapLeakMbPerMin?: number;
  /** Retained ArrayBuffer backing stores (decoded audio kept), MB per minute. */
  bufferLeakMbPerMin?: number;
  /** Renderer RSS growth the heaps do not show (native memory), MB per minute. */
  rssLeakMbPerMin?: number;
  /** AudioContexts left open per conversation cycle (needs GenerateLogOptions.cycles). */
  leakedContextsPerCycle?: number;
  /** Message handler time growth, ms per turn (~5 turns per minute). */
  latencyGrowthMsPerTurn?: number;
  /** Time to first response growth, ms per turn. */
  ttfrGrowthMsPerTurn?: number;
  /** Constant extra time to first response, ms. */
  slowFirstResponseMs?: number;
  /** Audio chunks that never drain, added per minute. */
  audioBacklogPerMin?: number;
  /** WebSocket bufferedAmount that never drains, bytes added per minute. */
  wsBackpressureBytesPerMin?: number;
  /** Messages left waiting, added per minute. */
  eventQueueGrowthPerMin?: number;
  /** Once a minute, one message takes this long to handle, ms. */
  slowHandlerMs?: number;
  /** Probability per turn of an app error. */
  errorRatePerTurn?: number;
  /** The page crashes at this time and the log ends, ms. */
  crashAtMs?: number;
  /** One gap in CDP sampling of this length, mid-run, ms. */
  samplingGapMs?: number;
  /** DOM nodes retained per minute. */
  domLeakNodesPerMin?: number;
  /** Event listeners retained per minute. */
  listenerLeakPerMin?: number;
  /** Audible gaps (300-700 ms) per minute of reply audio. */
  audioGapsPerMin?: number;
  /** Unplanned interruptions (response timeouts) per turn, probability. */
  unplannedInterruptionRatePerTurn?: number;
  /** The app holds every reply this long before it is heard (the protocol TTFR is unchanged), ms. */
  playbackStartDelayMs?: number;
}

export interface FaultSpec {
  name: string;
  field: keyof SynthFaults;
  unit: string;
  /** The issue id the analyzer raises for this pattern. */
  issueId: string;
  /** Smallest severity reliably flagged in a 7-minute log (default thresholds). For crash: any crash time. */
  detectionFloor: number;
}

export const FAULT_SPECS: readonly FaultSpec[] = [
  { name: 'heap-leak', field: 'heapLeakMbPerMin', unit: 'MB/min', issueId: 'heap-growth', detectionFloor: 1.5 },
  { name: 'latency-growth', field: 'latencyGrowthMsPerTurn', unit: 'ms/turn', issueId: 'latency-growth', detectionFloor: 0.6 },
  { name: 'ttfr-growth', field: 'ttfrGrowthMsPerTurn', unit: 'ms/turn', issueId: 'ttfr-growth', detectionFloor: 30 },
  { name: 'slow-first-response', field: 'slowFirstResponseMs', unit: 'ms', issueId: 'slow-first-response', detectionFloor: 2500 },
  { name: 'audio-backlog', field: 'audioBacklogPerMin', unit: 'chunks/min', issueId: 'audio-backlog', detectionFloor: 2 },
  { name: 'ws-backpressure', field: 'wsBackpressureBytesPerMin', unit: 'bytes/min', issueId: 'ws-backpressure', detectionFloor: 8192 },
  { name: 'event-queue-growth', field: 'eventQueueGrowthPerMin', unit: 'messages/min', issueId: 'event-queue-growth', detectionFloor: 1 },
  { name: 'slow-handler', field: 'slowHandlerMs', unit: 'ms', issueId: 'slow-event-processing', detectionFloor: 5001 },
  { name: 'errors', field: 'errorRatePerTurn', unit: 'per turn', issueId: 'errors', detectionFloor: 0.2 },
  { name: 'crash', field: 'crashAtMs', unit: 'ms', issueId: 'crashes', detectionFloor: 1000 },
  { name: 'sampling-gap', field: 'samplingGapMs', unit: 'ms', issueId: 'sampling-gaps', detectionFloor: 2000 },
  { name: 'dom-leak', field: 'domLeakNodesPerMin', unit: 'nodes/min', issueId: 'dom-growth', detectionFloor: 300 },
  { name: 'listener-leak', field: 'listenerLeakPerMin', unit: 'listeners/min', issueId: 'listener-growth', detectionFloor: 75 },
  { name: 'audio-gaps', field: 'audioGapsPerMin', unit: 'gaps/min of reply audio', issueId: 'audio-gaps', detectionFloor: 6 },
  { name: 'buffer-leak', field: 'bufferLeakMbPerMin', unit: 'MB/min', issueId: 'buffer-growth', detectionFloor: 0.3 },
  { name: 'rss-leak', field: 'rssLeakMbPerMin', unit: 'MB/min', issueId: 'process-memory-growth', detectionFloor: 11 },
  { name: 'slow-playback-start', field: 'playbackStartDelayMs', unit: 'ms', issueId: 'mouth-to-ear', detectionFloor: 2500 },
  { name: 'unplanned-interruptions', field: 'unplannedInterruptionRatePerTurn', unit: 'per turn', issueId: 'interruptions', detectionFloor: 0.2 },
];

/** "heap-leak=2" -> { heapLeakMbPerMin: 2 }; throws a one-line error naming the allowed faults. */
export function parseFaultArg(arg: string): Partial<SynthFaults> {
  const [name, rawValue] = arg.split('=', 2);
  const spec = FAULT_SPECS.find((s) => s.name === name);
  if (!spec) throw new Error(`unknown fault "${name}" (expected one of: ${FAULT_SPECS.map((s) => s.name).join(', ')})`);
  if (rawValue === undefined) throw new Error(`fault ${name}: give a severity in ${spec.unit}, e.g. --fault ${name}=${spec.detectionFloor || 60000}`);
  const value = Number(rawValue);
  if (!Number.isFinite(value) || value < 0) throw new Error(`fault ${name}: expected a number >= 0 in ${spec.unit}, got "${rawValue}"`);
  return { [spec.field]: value };
}
