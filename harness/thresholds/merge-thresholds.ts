/**
 * The one merge of threshold layers: already-validated partial layers, later ones winning, over the defaults
 * (default-thresholds.ts); `adaptive` is merged one level deeper and undefined values never mask a lower layer.
 * No validation and no zod (the page bundle uses it): resolve-thresholds.ts validates layers before merging, the
 * monitor reads its options with read-threshold-options.ts. Returns a fresh object; the defaults are never mutated.
 */
import { PLAIN_DEFAULT_THRESHOLDS } from './default-thresholds.ts';
import type { Thresholds } from './thresholds-schema.ts';

export type ThresholdsLayer = Partial<Omit<Thresholds, 'adaptive'>> & { adaptive?: Partial<Thresholds['adaptive']> };

export function mergeThresholds(...layers: ReadonlyArray<ThresholdsLayer | Record<string, unknown> | undefined>): Thresholds {
  let merged: Thresholds = { ...PLAIN_DEFAULT_THRESHOLDS, adaptive: { ...PLAIN_DEFAULT_THRESHOLDS.adaptive } };
  for (const layer of layers) {
    if (!layer) continue;
    const defined = Object.fromEntries(Object.entries(layer).filter(([, v]) => v !== undefined)) as ThresholdsLayer;
    const adaptive = Object.fromEntries(Object.entries(defined.adaptive ?? {}).filter(([, v]) => v !== undefined));
    merged = { ...merged, ...defined, adaptive: { ...merged.adaptive, ...adaptive } } as Thresholds;
  }
  return merged;
}
