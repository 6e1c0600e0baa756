/**
 * buffer-growth and process-memory-growth on generated 7-minute logs (harness/synth memory model), the 500 MB
 * memory-limit counting ArrayBuffers, and missing numbers as no-data warnings.
 */
import { expect, test } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import type { LogHeader, LogRecord } from '../../../harness/log/log-schema.ts';
import { renderText } from '../../../harness/render/render-text.ts';
import { generateLog, type GenerateLogOptions } from '../../../harness/synth/generate-log.ts';

const SEVEN_MIN_MS = 7 * 60_000;

function generate(options: GenerateLogOptions): { header: LogHeader; records: LogRecord[] } {
  const [header, ...records] = [...generateLog(options)];
  return { header: header as LogHeader, records: records as LogRecord[] };
}
const assertion = (report: ReturnType<typeof analyze>, id: string) => report.assertions.find((a) => a.id === id)!;

test('retained ArrayBuffers at 1 MB/min fail buffer-growth (error) with the slope, while the JS heap stays clean', () => {
  const report = analyze(generate({ durationMs: SEVEN_MIN_MS, seed: 3, faults: { bufferLeakMbPerMin: 1 } }));
  const check = assertion(report, 'buffer-growth');
  expect(check).toMatchObject({ passed: false, level: 'error' });
  expect(check.message).toMatch(/^buffer-growth: [\d.]+ MB\/min > 0\.25 MB\/min \(Theil-Sen slope of post-GC ArrayBuffer backing stores, minutes 1-7\)$/);
  expect(check.actual as number).toBeGreaterThan(0.85);
  expect(check.actual as number).toBeLessThan(1.15);
  expect(assertion(report, 'heap-growth').passed).toBe(true);
  expect(report.verdict).toBe('fail');
  expect(report.series.find((s) => s.id === 'array-buffers')?.trend?.slopePerMin).toBeCloseTo(check.actual as number, 5);
  expect(renderText(report)).toMatch(/- ArrayBuffer Memory \(post-GC end\): [\d.]+ MB, \+[\d.]+ MB\/min\n/);
});

test('renderer RSS growing 15 MB/min with flat heaps fails process-memory-growth', () => {
  const report = analyze(generate({ durationMs: SEVEN_MIN_MS, seed: 4, faults: { rssLeakMbPerMin: 15 } }));
  expect(assertion(report, 'process-memory-growth')).toMatchObject({ passed: false, level: 'error' });
  expect(assertion(report, 'buffer-growth').passed).toBe(true);
  expect(report.metrics.processMemorySlopeMbPerMin!).toBeGreaterThan(12);
  expect(report.series.map((s) => s.id)).toContain('renderer-rss');
  expect(renderText(report)).toMatch(/- Renderer Memory \(RSS\): [\d.]+ MB, \+[\d.]+ MB\/min\n/);
});

test('an RSS trend over less than processMemoryMinTrendMs (a fresh renderer settling) warns, and errs once long enough', () => {
  const short = analyze(generate({ durationMs: 100_000, seed: 4, faults: { rssLeakMbPerMin: 40 } }));
  const check = assertion(short, 'process-memory-growth');
  expect(check).toMatchObject({ passed: false, level: 'warn' });
  expect(check.message).toMatch(/: a warning only, a fresh renderer's RSS settles for its first minutes, so an error needs a trend over at least 2 min$/);
  const long = analyze(generate({ durationMs: 100_000, seed: 4, faults: { rssLeakMbPerMin: 40 } }), { processMemoryMinTrendMs: 10_000 });
  expect(assertion(long, 'process-memory-growth')).toMatchObject({ passed: false, level: 'error' });
  expect(assertion(long, 'process-memory-growth').message).not.toContain('a warning only');
});

test('clean logs pass both, at slopes well under the budgets', () => {
  for (const seed of [21, 22, 23, 24, 25]) {
    const report = analyze(generate({ durationMs: SEVEN_MIN_MS, seed }));
    expect(assertion(report, 'buffer-growth'), `seed ${seed}`).toMatchObject({ passed: true, level: 'error' });
    expect(assertion(report, 'process-memory-growth'), `seed ${seed}`).toMatchObject({ passed: true, level: 'error' });
    expect(Math.abs(report.metrics.bufferSlopeMbPerMin!)).toBeLessThan(0.05);
  }
});

test('a harness log without the numbers is a no-data warning for each, never a pass', () => {
  const log = generate({ durationMs: 180_000, seed: 5 });
  const records = log.records.map((r) => {
    if (r.type !== 'cdp') return r;
    const { backingStorageBytes: _b, embedderHeapBytes: _e, rendererRssBytes: _r, rendererPid: _p, ...old } = r;
    return old;
  });
  const report = analyze({ header: log.header, records });
  expect(assertion(report, 'no-data-buffers')).toMatchObject({ passed: false, level: 'warn' });
  expect(assertion(report, 'no-data-process-memory')).toMatchObject({ passed: false, level: 'warn' });
  expect(report.assertions.map((a) => a.id)).not.toContain('buffer-growth');
  expect(report.metrics).not.toHaveProperty('bufferSlopeMbPerMin');
});

test('memory-limit counts JS heap + ArrayBuffers + embedder heap: 480 MB of audio buffers on a 30 MB heap is over 500 MB', () => {
  const log = generate({ durationMs: 180_000, seed: 6 });
  const records = log.records.map((r) => (r.type === 'cdp' ? { ...r, backingStorageBytes: 480 * 1024 * 1024 } : r));
  const check = assertion(analyze({ header: log.header, records }), 'memory-limit');
  expect(check).toMatchObject({ passed: false, level: 'error' });
  expect(check.message).toMatch(/^memory-limit: post-GC page memory \(JS heap \+ ArrayBuffers \+ embedder\) 5\d\d MB > 500 MB at the end of the run/);
  expect(assertion(analyze(log), 'memory-limit').passed).toBe(true);
});
