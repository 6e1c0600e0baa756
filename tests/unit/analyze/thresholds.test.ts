import { test, expect } from '@playwright/test';
import { adaptiveBudgets, baselineFromReport, baselineFromWarmup } from '../../../harness/analyze/judge/adaptive-thresholds.ts';
import { PLAIN_DEFAULT_THRESHOLDS } from '../../../harness/thresholds/default-thresholds.ts';
import { mergeThresholds } from '../../../harness/thresholds/merge-thresholds.ts';
import { resolveThresholds } from '../../../harness/thresholds/resolve-thresholds.ts';
import { THRESHOLD_ENV_VARS, thresholdsFromEnv } from '../../../harness/thresholds/threshold-env-vars.ts';
import { DEFAULT_THRESHOLDS, thresholdsSchema } from '../../../harness/thresholds/thresholds-schema.ts';

const MIB = 1024 * 1024;

test('the schema takes every default from the one plain literal', () => {
  // A field without .default(), or with a value of its own, makes parse({}) differ from the literal.
  expect(thresholdsSchema.parse({})).toEqual(PLAIN_DEFAULT_THRESHOLDS);
  expect(DEFAULT_THRESHOLDS).toBe(PLAIN_DEFAULT_THRESHOLDS);
  // Each parse gets its own adaptive object: changing one result never changes the defaults.
  const parsed = thresholdsSchema.parse({});
  parsed.adaptive.enabled = true;
  expect(thresholdsSchema.parse({}).adaptive.enabled).toBe(false);
  expect(PLAIN_DEFAULT_THRESHOLDS.adaptive.enabled).toBe(false);
});

test('mergeThresholds: later layers win, undefined never masks a lower layer, the defaults stay untouched', () => {
  const merged = mergeThresholds(
    { ttfrP95Ms: 2000, adaptive: { factor: 2 } },
    { ttfrP95Ms: undefined, warmupMs: 0, adaptive: { enabled: true, factor: undefined } },
  );
  expect(merged).toEqual({ ...PLAIN_DEFAULT_THRESHOLDS, ttfrP95Ms: 2000, warmupMs: 0, adaptive: { enabled: true, factor: 2 } });
  merged.adaptive.factor = 9;
  expect(mergeThresholds().adaptive).toEqual({ enabled: false, factor: 1.5 });
});

test('layers merge defaults < file < env < options, adaptive one level deep', () => {
  const t = resolveThresholds({
    file: { maxHeapBytes: 100 * MIB, ttfrP95Ms: 2000, adaptive: { factor: 3 } },
    env: { SOAK_THRESHOLD_MAX_HEAP_MB: '200', SOAK_THRESHOLD_ADAPTIVE: 'true', HOME: '/root' },
    options: { ttfrP95Ms: 1500 },
  });
  expect(t.maxHeapBytes).toBe(200 * MIB);
  expect(t.ttfrP95Ms).toBe(1500);
  expect(t.adaptive).toEqual({ enabled: true, factor: 3 });
  expect(t.warmupMs).toBe(60_000);
  expect(mergeThresholds({ adaptive: { enabled: true } } as never).adaptive).toEqual({ enabled: true, factor: 1.5 });
});

test('every thresholds field has exactly one SOAK_THRESHOLD_ variable; bytes are given in MB', () => {
  const fields = Object.keys(thresholdsSchema.shape)
    .filter((k) => k !== 'adaptive')
    .concat(['adaptive.enabled', 'adaptive.factor']);
  expect(THRESHOLD_ENV_VARS.map((v) => v.field).sort()).toEqual(fields.sort());
  for (const v of THRESHOLD_ENV_VARS) {
    expect(v.envVar).toMatch(/^SOAK_THRESHOLD_[A-Z0-9_]+$/);
    if (v.field.endsWith('Bytes')) expect(v.envVar.endsWith('_MB') && v.scale === MIB).toBe(true);
  }
  expect(thresholdsFromEnv({ SOAK_THRESHOLD_MAX_WS_BUFFERED_MB: '0.5' }).maxWsBufferedBytes).toBe(0.5 * MIB);
});

test('bad values give one readable line naming the variable, file or field', () => {
  const message = (fn: () => unknown): string => {
    try {
      fn();
    } catch (error) {
      expect((error as { exitCode?: number }).exitCode).toBe(2);
      return (error as Error).message;
    }
    throw new Error('expected an error');
  };
  expect(message(() => resolveThresholds({ env: { SOAK_THRESHOLD_MAX_HEAP_MB: 'lots' } }))).toBe(
    'SOAK_THRESHOLD_MAX_HEAP_MB: expected a positive number, got "lots"',
  );
  expect(message(() => resolveThresholds({ env: { SOAK_THRESHOLD_MAX_ERRORS: '1.5' } }))).toBe(
    'SOAK_THRESHOLD_MAX_ERRORS: expected an integer >= 0, got "1.5"',
  );
  expect(message(() => resolveThresholds({ env: { SOAK_THRESHOLD_CONFIDENCE: '95' } }))).toContain('between 0.5 and 1');
  expect(message(() => resolveThresholds({ file: { maxHeapBytes: -1 }, fileName: 't.json' }))).toBe(
    't.json: field "maxHeapBytes": expected a number > 0, got -1',
  );
  expect(message(() => resolveThresholds({ file: { maxHeapMb: 5 }, fileName: 't.json' }))).toMatch(
    /^t\.json: unknown field "maxHeapMb" \(known: maxPendingAudioChunks, /,
  );
  expect(message(() => resolveThresholds({ options: { adaptive: { factor: 'x' } } }))).toBe(
    'thresholds option: field "adaptive.factor": expected a number, got "x"',
  );
  expect(message(() => resolveThresholds({ file: [1] }))).toBe('thresholds file: expected an object, got an array');
});

test('adaptive budgets: baseline x factor from the warm-up or from a baseline report', () => {
  const warm = baselineFromWarmup([600, 700, 800, 650, 900], [1, 2, 3], 60_000);
  expect(warm.ttfrP95Ms).toBeCloseTo(880, 6);
  expect(warm.messageHandlerMedianMs).toBe(2);
  expect(warm.source).toBe('warm-up (first 60 s)');
  expect(baselineFromWarmup([600, 700], [], 60_000).ttfrP95Ms).toBeNull();
  const budgets = adaptiveBudgets(warm, 1.5);
  expect(budgets.ttfrP95Ms).toBeCloseTo(1320, 6);
  expect(budgets.messageHandlerMedianMs).toBe(3);
  const fromReport = baselineFromReport({ startedAt: '2025-01-01T00:00:00Z', metrics: { ttfrP95Ms: 1000, messageLatencyTrendMs: [1, 5, 2] } as never });
  expect(adaptiveBudgets(fromReport, 2)).toMatchObject({ ttfrP95Ms: 2000, messageHandlerMedianMs: 4 });
});
