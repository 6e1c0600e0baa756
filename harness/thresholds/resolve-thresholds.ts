/**
 * Resolve the thresholds the analyzer judges against from layers, later ones winning:
 * defaults < file < environment (SOAK_THRESHOLD_*) < options. Each layer is validated with readable one-line
 * errors naming its source and field; unknown fields are errors (a typo must not silently keep a default).
 * Pure: the caller reads the file and passes the environment object.
 */
import { z } from 'zod';
import { formatZodIssue } from '../validation/format-zod-issue.ts';
import { mergeThresholds } from './merge-thresholds.ts';
import { thresholdsFromEnv } from './threshold-env-vars.ts';
import { ThresholdsError } from './thresholds-error.ts';
import { thresholdsSchema, type Thresholds } from './thresholds-schema.ts';

export interface ThresholdLayers {
  /** Parsed JSON of a thresholds file. */
  file?: unknown;
  /** Name used in messages for the file layer (its path). */
  fileName?: string;
  /** An environment object (process.env); only SOAK_THRESHOLD_* variables are read. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Programmatic options (reporter options, fixture options). */
  options?: unknown;
  /** Name used in messages for the options layer. */
  optionsName?: string;
}

const unwrap = (schema: z.ZodType): z.ZodType => (schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema);
/** The same fields with defaults removed and every field optional (a default in a layer would mask lower layers). */
const partialWithoutDefaults = (shape: Record<string, unknown>): z.ZodObject =>
  z.object(Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, unwrap(schema as z.ZodType).optional()]))).strict();
const adaptiveLayerSchema = partialWithoutDefaults((unwrap(thresholdsSchema.shape.adaptive) as z.ZodObject).shape);
const layerSchema = partialWithoutDefaults({ ...thresholdsSchema.shape, adaptive: adaptiveLayerSchema });

export function resolveThresholds(layers: ThresholdLayers = {}): Thresholds {
  const file = layers.file === undefined ? {} : validateLayer(layers.file, layers.fileName ?? 'thresholds file');
  const env = layers.env ? thresholdsFromEnv(layers.env) : {};
  const options = layers.options === undefined ? {} : validateLayer(layers.options, layers.optionsName ?? 'thresholds option');
  const result = thresholdsSchema.safeParse(mergeThresholds(file, env, options), { reportInput: true });
  if (!result.success) throw new ThresholdsError(`thresholds: ${formatZodIssue(result.error.issues[0]!)}`);
  return result.data;
}

/** Validate one partial layer; throws ThresholdsError "<source>: field "x": expected ..., got ...". */
export function validateLayer(layer: unknown, sourceName: string): Partial<Thresholds> {
  const result = layerSchema.safeParse(layer, { reportInput: true });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const hint = issue.code === 'unrecognized_keys' ? ` (known: ${Object.keys(thresholdsSchema.shape).join(', ')})` : '';
    throw new ThresholdsError(`${sourceName}: ${formatZodIssue(issue)}${hint}`);
  }
  return result.data as Partial<Thresholds>;
}
