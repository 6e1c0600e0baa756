/**
 * What one soak run needs (a plain object: fixtures fill it from Settings or test.use(), tests pass it directly).
 * Field meanings follow harness/config/settings.ts.
 */
import type { Thresholds } from '../core/thresholds/thresholds-schema.ts';

export interface SoakRunOptions {
  durationMs: number;
  targetUrl: string;
  embedded: boolean;
  startSelector: string | undefined;
  micMode: 'controllable' | 'device';
  micDir: string | undefined;
  scriptPath: string | undefined;
  faults: string;
  redirectWs: readonly string[];
  realtimeUrl: string;
  sampleIntervalMs: number;
  outputDir: string;
  apiKey: string | undefined;
  thresholds?: Thresholds;
  /** Per-CDP-call timeout, ms. */
  cdpTimeoutMs?: number;
  /** Count frames with CDP Network as a cross-check of the monitor (costs a little per frame). */
  cdpNetworkCrossCheck?: boolean;
  /** Inject the in-page monitor bundle (default true). */
  injectMonitor?: boolean;
}
