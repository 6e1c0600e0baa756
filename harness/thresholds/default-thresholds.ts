/**
 * The thresholds' defaults: the one place their values are stated. A plain literal with no zod import, so the page
 * bundle (the monitor and analyze()) can read it; thresholds-schema.ts takes every `.default()` from it, and
 * tests/unit/analyze/thresholds.test.ts checks that parsing `{}` gives back exactly this object.
 * What each field means is documented on the schema; why a default has its value is said here. No type import
 * from the schema (its type is inferred from these values); thresholds-schema.ts checks this object is a Thresholds.
 */
const MIB = 1024 * 1024;

export const PLAIN_DEFAULT_THRESHOLDS = {
  /** Seed: "Audio Chunk Cleanup - Threshold: 100 chunks". */
  maxPendingAudioChunks: 100,
  /** Seed: "Response Timeout - Threshold: 10 seconds". */
  responseTimeoutMs: 10_000,
  /** Seed: "Event Processing Timeout - Threshold: 5 seconds". */
  eventProcessingTimeoutMs: 5_000,
  /** Seed: "Memory Usage Warning - Threshold: 500MB". */
  maxHeapBytes: 500 * MIB,
  heapSlopeMbPerMin: 1,
  /**
   * 0.25: a clean voice app's decoded audio is released after playback (the reference app measured about 0 MB/min),
   * while one minute of 24 kHz reply audio decoded to Float32 is 5.5 MB, so keeping even 5% of it shows.
   */
  bufferSlopeMbPerMin: 0.25,
  /**
   * 10: RSS also moves with code caches, heap pages the allocator keeps and media buffers (the clean reference app
   * measured about 8 MB/min in its first minute, while they fill), so it is the loose net for native memory the heaps
   * do not show (70 MB over the 7-minute soak); buffer-growth and heap-growth are the tight ones.
   */
  processMemorySlopeMbPerMin: 10,
  /**
   * 120 s: a fresh renderer's RSS settles for its first minute or two (a clean 30-second run measured 15.5 MB/min
   * over minutes 0.2-0.6 beside other soaks), so a shorter RSS trend may warn but not fail the run as an error.
   */
  processMemoryMinTrendMs: 120_000,
  /** 10: a start/stop that forgets its handlers leaves several per cycle; a clean app none. */
  cycleListenerGrowth: 10,
  /**
   * 100: a transcript kept on screen adds a few nodes per turn (the reference app: about 4); a conversation's worth
   * of detached or duplicated UI adds hundreds.
   */
  cycleDomNodeGrowth: 100,
  ttfrSlopeMsPerMin: 100,
  messageLatencySlopeMsPerMin: 2,
  domNodeSlopePerMin: 200,
  listenerSlopePerMin: 50,
  maxWsBufferedBytes: 256 * 1024,
  maxEventQueueSize: 50,
  ttfrP95Ms: 3_000,
  audioGapMs: 250,
  /**
   * 3500: the protocol's p95 TTFR budget (3000) plus what lies outside it at the caller's edges: the server's
   * end-of-speech detection (the reference server waits 500 ms of silence) and the app's playback lead.
   */
  mouthToEarP95Ms: 3_500,
  mouthToEarSlopeMsPerMin: 100,
  /**
   * 800: longer than the pauses inside natural speech (the reference server's sentences pause up to 580 ms, people
   * pause 500-700 ms), so a silence this long inside a reply is the playback running dry.
   */
  playbackGapMs: 800,
  maxPlaybackGapsPerMin: 2,
  /**
   * 1500: an app that stops its reply when the server reports speech (after its VAD's 200-300 ms of speech) is
   * silent within about 500 ms of the caller starting; one that plays on over the caller is heard for seconds.
   */
  bargeInOverlapMs: 1_500,
  /**
   * 20: a clean call on loopback measures about 2 ms of jitter (5-10 ms on loaded cores); the jitter buffer hides
   * up to tens of ms by adding delay, so 20 ms is where a call starts to trade latency for smoothness.
   */
  maxJitterMs: 20,
  jitterSlopeMsPerMin: 2,
  /** 0.01: 1 % loss is where Opus concealment starts to be heard; loopback loses none. */
  maxPacketLossShare: 0.01,
  /** 0.03: a clean loopback call conceals about 1.5 % audibly over a whole call, most of it at its start. */
  maxConcealedShare: 0.03,
  jitterBufferSlopeMsPerMin: 20,
  /**
   * 64 KB: the app's events on oai-events are small (a session.update, a response.create); anything that queues
   * 64 KB there is not being sent (the channel is congested or the peer stopped reading).
   */
  maxDataChannelBufferedBytes: 64 * 1024,
  /**
   * 5000: after a caller's utterance ends the server's VAD says speech_stopped within about a second (0.5-1.5 s
   * measured on loopback, its 500 ms of silence included); 5 s with nothing on oai-events is a stalled channel.
   */
  maxDataChannelWaitMs: 5_000,
  maxAudioGapsPerMin: 2,
  maxErrors: 0,
  /**
   * A rate, not a total: an app that misuses the protocol does it on every turn (~1), while a cancel racing a reply's
   * end happens now and then; 0.25 (one turn in four) tolerates those races in a short run and flags the habit.
   */
  maxClientProtocolErrorsPerTurn: 0.25,
  maxUnplannedInterruptions: 0,
  maxSampleGapMs: 1_500,
  maxUnresponsiveMs: 10_000,
  warmupMs: 60_000,
  confidence: 0.95,
  trendAutocorrelation: false,
  adaptive: { enabled: false, factor: 1.5 },
};
