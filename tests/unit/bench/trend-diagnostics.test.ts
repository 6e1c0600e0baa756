import { test, expect } from '@playwright/test';
import { trendDiagnostics } from '../../../bench/lib/trend-diagnostics.ts';
import type { LogHeader, LogRecord } from '../../../harness/log/log-schema.ts';
import { generateLog } from '../../../harness/synth/generate-log.ts';

function diagnose(faults?: Record<string, number>) {
  const [header, ...records] = [...generateLog({ durationMs: 4 * 60_000, seed: 31, ...(faults ? { faults } : {}) })];
  return trendDiagnostics(header as LogHeader, records as LogRecord[]);
}

test("the clean-run trend check fits the judge's series after warm-up and tests each for significance", () => {
  const clean = diagnose();
  expect(clean.confidence).toBe(0.95);
  const names = clean.series.map((s) => s.series);
  expect(names).toEqual(expect.arrayContaining(['heap post-GC lows', 'TTFR per turn', 'handler time']));
  for (const s of clean.series) {
    expect(s.points).toBeGreaterThanOrEqual(5);
    expect(Number.isFinite(s.lag1)).toBe(true);
  }
  expect(clean.series.find((s) => s.series === 'heap post-GC lows')!.correctedSignificant).toBe(false);
});

test('a leaking heap is significant to both tests; TTFR growth to both', () => {
  const leaky = diagnose({ heapLeakMbPerMin: 5, ttfrGrowthMsPerTurn: 60 });
  const heap = leaky.series.find((s) => s.series === 'heap post-GC lows')!;
  expect(heap.plainSignificant && heap.correctedSignificant).toBe(true);
  const ttfr = leaky.series.find((s) => s.series === 'TTFR per turn')!;
  expect(ttfr.plainSignificant && ttfr.correctedSignificant).toBe(true);
});
