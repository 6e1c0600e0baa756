/**
 * How many records of each family the monitor keeps (oldest dropped first). These caps bound its memory however
 * long the page runs: at about 150-250 bytes per record, the defaults hold roughly 10-15 MB when all are full
 * (bench/monitor-overhead.ts measures it). At one sample per second, 7,200 samples are the last 2 hours.
 */
export interface RecordCaps {
  /** `monitor` message records (one per received WebSocket message). */
  messages: number;
  /** `rt` audio-delta records. */
  audioDeltas: number;
  /** Every other `rt` record (turn events, errors). */
  rtEvents: number;
  /** `ws` samples (one per socket per second). */
  wsSamples: number;
  /** `monitor` memory samples (one per second). */
  memorySamples: number;
  /** `monitor` audio-chunk, playback and audio-gap records (from the app's API calls). */
  audio: number;
  /** `monitor` long-task records. */
  longTasks: number;
  /** `monitor` audio-out records (the output tap: one per source per half second, about 250 bytes each). */
  audioOut: number;
  /** WebRTC `dc` (one per data channel per second) and `rtc` getStats samples (one per peer connection per second). */
  webrtcSamples: number;
  /** `monitor` safeguard, warning, interruption, error and mark records. */
  events: number;
  /** Records waiting for the harness's next drain(). */
  drainQueue: number;
}

export const DEFAULT_RECORD_CAPS: RecordCaps = {
  messages: 20_000,
  audioDeltas: 5_000,
  rtEvents: 5_000,
  wsSamples: 7_200,
  memorySamples: 7_200,
  audio: 10_000,
  longTasks: 2_000,
  audioOut: 7_200,
  webrtcSamples: 14_400,
  events: 2_000,
  drainQueue: 20_000,
};
