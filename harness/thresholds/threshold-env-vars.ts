/**
 * The SOAK_THRESHOLD_* environment variables: one per thresholds field, named SOAK_THRESHOLD_<UPPER_SNAKE of the
 * field>, except that byte fields are given in MB (MiB) and named with _MB instead of _BYTES. Pure: the caller
 * passes the environment object (process.env in Node).
 */
import type { Thresholds } from './thresholds-schema.ts';
import { ThresholdsError } from './thresholds-error.ts';

type Rule = 'positive' | 'non-negative' | 'positive-integer' | 'non-negative-integer' | 'confidence' | 'factor' | 'boolean';

export interface ThresholdEnvVar {
  envVar: string;
  /** Field path in Thresholds, e.g. "maxHeapBytes" or "adaptive.factor". */
  field: string;
  /** What a value is measured in, as written in the variable. */
  unit: string;
  /** Multiply the variable's value by this to get the field's value (MB -> bytes). */
  scale: number;
  rule: Rule;
}

const MIB = 1024 * 1024;
const row = (envVar: string, field: string, unit: string, rule: Rule, scale = 1): ThresholdEnvVar => ({
  envVar: `SOAK_THRESHOLD_${envVar}`,
  field,
  unit,
  scale,
  rule,
});

export const THRESHOLD_ENV_VARS: readonly ThresholdEnvVar[] = [
  row('MAX_PENDING_AUDIO_CHUNKS', 'maxPendingAudioChunks', 'chunks', 'positive-integer'),
  row('RESPONSE_TIMEOUT_MS', 'responseTimeoutMs', 'ms', 'positive'),
  row('EVENT_PROCESSING_TIMEOUT_MS', 'eventProcessingTimeoutMs', 'ms', 'positive'),
  row('MAX_HEAP_MB', 'maxHeapBytes', 'MB', 'positive', MIB),
  row('HEAP_SLOPE_MB_PER_MIN', 'heapSlopeMbPerMin', 'MB/min', 'non-negative'),
  row('BUFFER_SLOPE_MB_PER_MIN', 'bufferSlopeMbPerMin', 'MB/min', 'non-negative'),
  row('PROCESS_MEMORY_SLOPE_MB_PER_MIN', 'processMemorySlopeMbPerMin', 'MB/min', 'non-negative'),
  row('PROCESS_MEMORY_MIN_TREND_MS', 'processMemoryMinTrendMs', 'ms', 'non-negative'),
  row('CYCLE_LISTENER_GROWTH', 'cycleListenerGrowth', 'listeners/cycle', 'non-negative'),
  row('CYCLE_DOM_NODE_GROWTH', 'cycleDomNodeGrowth', 'nodes/cycle', 'non-negative'),
  row('TTFR_SLOPE_MS_PER_MIN', 'ttfrSlopeMsPerMin', 'ms/min', 'non-negative'),
  row('MESSAGE_LATENCY_SLOPE_MS_PER_MIN', 'messageLatencySlopeMsPerMin', 'ms/min', 'non-negative'),
  row('DOM_NODE_SLOPE_PER_MIN', 'domNodeSlopePerMin', 'nodes/min', 'non-negative'),
  row('LISTENER_SLOPE_PER_MIN', 'listenerSlopePerMin', 'listeners/min', 'non-negative'),
  row('MAX_WS_BUFFERED_MB', 'maxWsBufferedBytes', 'MB', 'non-negative', MIB),
  row('MAX_EVENT_QUEUE_SIZE', 'maxEventQueueSize', 'messages', 'non-negative-integer'),
  row('TTFR_P95_MS', 'ttfrP95Ms', 'ms', 'positive'),
  row('AUDIO_GAP_MS', 'audioGapMs', 'ms', 'positive'),
  row('MOUTH_TO_EAR_P95_MS', 'mouthToEarP95Ms', 'ms', 'positive'),
  row('MOUTH_TO_EAR_SLOPE_MS_PER_MIN', 'mouthToEarSlopeMsPerMin', 'ms/min', 'non-negative'),
  row('PLAYBACK_GAP_MS', 'playbackGapMs', 'ms', 'positive'),
  row('MAX_PLAYBACK_GAPS_PER_MIN', 'maxPlaybackGapsPerMin', 'gaps/min', 'non-negative'),
  row('BARGE_IN_OVERLAP_MS', 'bargeInOverlapMs', 'ms', 'positive'),
  row('MAX_JITTER_MS', 'maxJitterMs', 'ms', 'positive'),
  row('JITTER_SLOPE_MS_PER_MIN', 'jitterSlopeMsPerMin', 'ms/min', 'non-negative'),
  row('MAX_PACKET_LOSS_SHARE', 'maxPacketLossShare', 'fraction', 'non-negative'),
  row('MAX_CONCEALED_SHARE', 'maxConcealedShare', 'fraction', 'non-negative'),
  row('JITTER_BUFFER_SLOPE_MS_PER_MIN', 'jitterBufferSlopeMsPerMin', 'ms/min', 'non-negative'),
  row('MAX_DATACHANNEL_BUFFERED_MB', 'maxDataChannelBufferedBytes', 'MB', 'non-negative', MIB),
  row('MAX_DATACHANNEL_WAIT_MS', 'maxDataChannelWaitMs', 'ms', 'positive'),
  row('MAX_AUDIO_GAPS_PER_MIN', 'maxAudioGapsPerMin', 'gaps/min', 'non-negative'),
  row('MAX_ERRORS', 'maxErrors', 'errors', 'non-negative-integer'),
  row('MAX_CLIENT_PROTOCOL_ERRORS_PER_TURN', 'maxClientProtocolErrorsPerTurn', 'errors/turn', 'non-negative'),
  row('MAX_UNPLANNED_INTERRUPTIONS', 'maxUnplannedInterruptions', 'interruptions', 'non-negative-integer'),
  row('MAX_SAMPLE_GAP_MS', 'maxSampleGapMs', 'ms', 'positive'),
  row('MAX_UNRESPONSIVE_MS', 'maxUnresponsiveMs', 'ms', 'positive'),
  row('WARMUP_MS', 'warmupMs', 'ms', 'non-negative'),
  row('CONFIDENCE', 'confidence', 'fraction', 'confidence'),
  row('TREND_AUTOCORRELATION', 'trendAutocorrelation', 'true/false', 'boolean'),
  row('ADAPTIVE', 'adaptive.enabled', 'true/false', 'boolean'),
  row('ADAPTIVE_FACTOR', 'adaptive.factor', 'x baseline', 'factor'),
];

const EXPECTED: Record<Rule, string> = {
  positive: 'a positive number',
  'non-negative': 'a number >= 0',
  'positive-integer': 'a positive integer',
  'non-negative-integer': 'an integer >= 0',
  confidence: 'a number between 0.5 and 1 (exclusive), e.g. 0.95',
  factor: 'a number > 1, e.g. 1.5',
  boolean: 'true or false (also 1/0, yes/no)',
};

/** The thresholds layer set by SOAK_THRESHOLD_* variables (only the ones present and non-empty). */
export function thresholdsFromEnv(env: Readonly<Record<string, string | undefined>>): Partial<Thresholds> {
  const layer: Record<string, unknown> = {};
  const adaptive: Record<string, unknown> = {};
  for (const spec of THRESHOLD_ENV_VARS) {
    const raw = env[spec.envVar];
    if (raw === undefined || raw.trim() === '') continue;
    const value = parseEnvValue(raw.trim(), spec);
    if (value === undefined) throw new ThresholdsError(`${spec.envVar}: expected ${EXPECTED[spec.rule]}, got ${JSON.stringify(raw)}`);
    if (spec.field.startsWith('adaptive.')) adaptive[spec.field.slice('adaptive.'.length)] = value;
    else layer[spec.field] = value;
  }
  if (Object.keys(adaptive).length) layer.adaptive = adaptive;
  return layer as Partial<Thresholds>;
}

function parseEnvValue(raw: string, spec: ThresholdEnvVar): number | boolean | undefined {
  if (spec.rule === 'boolean') {
    if (/^(true|1|yes|on)$/i.test(raw)) return true;
    if (/^(false|0|no|off)$/i.test(raw)) return false;
    return undefined;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw)) return undefined;
  const n = Number(raw);
  const ok =
    spec.rule === 'positive'
      ? n > 0
      : spec.rule === 'non-negative'
        ? n >= 0
        : spec.rule === 'positive-integer'
          ? Number.isInteger(n) && n > 0
          : spec.rule === 'non-negative-integer'
            ? Number.isInteger(n) && n >= 0
            : spec.rule === 'confidence'
              ? n > 0.5 && n < 1
              : n > 1;
  return ok && Number.isFinite(n) ? n * spec.scale : undefined;
}
