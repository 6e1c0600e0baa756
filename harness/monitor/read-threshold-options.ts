/**
 * The page's edge for thresholds: installMonitor({ thresholds }) comes from page code or a script tag, unchecked, and
 * the page has no zod. Known fields with a usable value are kept; an unknown field or a value of the wrong type is
 * named through warn and ignored, never fatal. The result is one layer for mergeThresholds (harness/thresholds).
 */
import { PLAIN_DEFAULT_THRESHOLDS } from '../thresholds/default-thresholds.ts';
import type { ThresholdsLayer } from '../thresholds/merge-thresholds.ts';

const isNonNegativeNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

export function readThresholdOptions(input: unknown, warn: (message: string) => void = () => {}): ThresholdsLayer {
  const layer: Record<string, unknown> = {};
  if (!input || typeof input !== 'object') return layer;
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const current = (PLAIN_DEFAULT_THRESHOLDS as Record<string, unknown>)[key];
    if (key === 'adaptive') layer.adaptive = readAdaptive(value, warn);
    else if (current === undefined) warn(`voice-soak monitor: unknown threshold "${key}" ignored`);
    else if (!isNonNegativeNumber(value))
      warn(`voice-soak monitor: threshold "${key}" must be a non-negative number, got ${JSON.stringify(value)}; using ${current}`);
    else layer[key] = value;
  }
  return layer as ThresholdsLayer;
}

function readAdaptive(value: unknown, warn: (message: string) => void): ThresholdsLayer['adaptive'] {
  if (!value || typeof value !== 'object') {
    warn(`voice-soak monitor: threshold "adaptive" must be an object, got ${JSON.stringify(value)}; ignored`);
    return {};
  }
  const { enabled, factor } = value as Record<string, unknown>;
  const out: NonNullable<ThresholdsLayer['adaptive']> = {};
  if (typeof enabled === 'boolean') out.enabled = enabled;
  else if (enabled !== undefined) warn(`voice-soak monitor: threshold "adaptive.enabled" must be true or false, got ${JSON.stringify(enabled)}; ignored`);
  if (isNonNegativeNumber(factor) && factor > 1) out.factor = factor;
  else if (factor !== undefined) warn(`voice-soak monitor: threshold "adaptive.factor" must be a number > 1, got ${JSON.stringify(factor)}; ignored`);
  return out;
}
