/**
 * Options of installMonitor(); the classic script reads them from window.VOICE_SOAK_MONITOR_OPTIONS or its own
 * data-attributes (read-script-options.ts). Every field is optional.
 */
import type { ThresholdsInput } from '../thresholds/thresholds-schema.ts';
import type { PanelCorner } from './panel/panel-corner.ts';
import type { RecordCaps } from './record-caps.ts';

/** What only the app can do; the same shape as globalThis.voiceSoakAppHooks. */
export interface AppHooks {
  /** Drops queued audio chunks; returns how many were removed. */
  cleanupAudioChunks(): number;
  /** Stops the current reply (the app sends response.cancel, flushes playback). */
  interruptResponse(reason: string): void;
  /** A JSON-friendly snapshot of the app's state for safeguard dumps. */
  getState(): Record<string, unknown>;
}

export interface MonitorOptions {
  /** Safeguard limits and trend budgets (thresholds-schema.ts names); defaults are the seed's. */
  thresholds?: ThresholdsInput;
  /** Scale safeguard limits with measured network and memory (safeguard-limits.ts). Default: thresholds.adaptive.enabled. */
  adaptive?: boolean;
  /** Sampling period of ws and memory records, ms. Default 1000. */
  sampleIntervalMs?: number;
  /** Period of the proactive trend check, ms. Default 30000. */
  trendCheckIntervalMs?: number;
  /** Ring-buffer caps per record family (record-caps.ts). */
  caps?: Partial<RecordCaps>;
  /** Wrap window.WebSocket. Default true. */
  wrapWebSocket?: boolean;
  /** false: leave RTCPeerConnection alone (no data channel taps, no getStats samples). */
  wrapPeerConnection?: boolean;
  /** Tap the page's audio output (Web Audio destinations, media elements) for audible levels; default true. */
  tapAudioOutput?: boolean;
  /** Show the panel. Default true in the classic script and installMonitor(). */
  panel?: boolean;
  /** Panel corner. Default 'bottom-right'. */
  corner?: PanelCorner;
  /** Start collapsed. Default true. */
  collapsed?: boolean;
  /** console.warn on safeguards and warnings. Default true. */
  console?: boolean;
  /** Log header target.kind: 'embedded' (our reference app) or 'external'. Default 'external'. */
  targetKind?: 'embedded' | 'external';
  /** Extra header meta (short strings). */
  meta?: Record<string, string>;
  /** Monotonic clock in ms (benchmarks compress time with it). Default performance.now. */
  now?: () => number;
  /** Start the sampling timer. Default true; with false, call tick() yourself. */
  autoStart?: boolean;
  hooks?: Partial<AppHooks>;
}
