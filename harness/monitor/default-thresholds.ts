/**
 * The thresholds the page starts from (harness/analyze's zod-free literal of the schema's defaults, so the page bundle
 * does not need zod just to know them) and the page-side merge of its options over them.
 * tests/unit/monitor/default-thresholds.test.ts proves this equals DEFAULT_THRESHOLDS from the schema.
 */
import { PLAIN_DEFAULT_THRESHOLDS } from '../thresholds/default-thresholds.ts';
import type { Thresholds, ThresholdsInput } from '../thresholds/thresholds-schema.ts';

/** The analyzer's zod-free defaults: one literal for Node and page alike. */
export const MONITOR_DEFAULT_THRESHOLDS: Thresholds = PLAIN_DEFAULT_THRESHOLDS;

/** Defaults overlaid with the page's options; a value of the wrong type is named and ignored, not fatal. */
export function mergeThresholds(input: ThresholdsInput | undefined, warn: (message: string) => void = () => {}): Thresholds {
  const merged: Thresholds = { ...MONITOR_DEFAULT_THRESHOLDS, adaptive: { ...MONITOR_DEFAULT_THRESHOLDS.adaptive } };
  if (!input || typeof input !== 'object') return merged;
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (key === 'adaptive' && value && typeof value === 'object') {
      Object.assign(merged.adaptive, value);
      continue;
    }
    const current = (merged as unknown as Record<string, unknown>)[key];
    if (current === undefined) warn(`voice-soak monitor: unknown threshold "${key}" ignored`);
    else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      warn(`voice-soak monitor: threshold "${key}" must be a non-negative number, got ${JSON.stringify(value)}; using ${current}`);
    else (merged as unknown as Record<string, unknown>)[key] = value;
  }
  return merged;
}
