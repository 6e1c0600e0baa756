/**
 * The header line of the monitor's log (source 'page'). schemaVersion is a literal so the page bundle does not
 * load zod; tests/unit/monitor/monitor-header.test.ts checks it against LOG_SCHEMA_VERSION and the header schema.
 */
import type { LogHeader } from '../log/log-schema.ts';
import type { Thresholds } from '../thresholds/thresholds-schema.ts';

declare const __VOICE_SOAK_VERSION__: string | undefined;

export const MONITOR_LOG_SCHEMA_VERSION = 2;
export const MONITOR_VERSION: string = typeof __VOICE_SOAK_VERSION__ === 'string' ? __VOICE_SOAK_VERSION__ : '0.0.0-dev';

export interface HeaderInputs {
  startedAt: string;
  sampleIntervalMs: number;
  thresholds: Thresholds;
  dialect: 'beta' | 'ga' | 'unknown';
  targetKind: 'embedded' | 'external' | undefined;
  meta: Record<string, string> | undefined;
  /** Records dropped per family by the ring buffers, so a reader knows the log is truncated. */
  dropped: Record<string, number>;
}

const short = (value: unknown) => String(value).slice(0, 4096);

export function monitorHeader(inputs: HeaderInputs): LogHeader {
  const meta: Record<string, string> = { collector: 'in-page monitor' };
  for (const [key, value] of Object.entries(inputs.meta ?? {})) meta[key] = short(value);
  if (typeof navigator !== 'undefined') meta.userAgent = short(navigator.userAgent);
  for (const [family, count] of Object.entries(inputs.dropped)) meta[`dropped.${family}`] = String(count);
  return {
    type: 'header',
    schemaVersion: MONITOR_LOG_SCHEMA_VERSION as LogHeader['schemaVersion'],
    tool: { name: 'voice-soak', version: MONITOR_VERSION },
    source: 'page',
    target: { url: short(typeof location !== 'undefined' ? location.href : 'unknown'), kind: inputs.targetKind ?? 'external', dialect: inputs.dialect },
    startedAt: inputs.startedAt,
    sampleIntervalMs: inputs.sampleIntervalMs,
    thresholds: inputs.thresholds,
    faults: [],
    meta,
  };
}
