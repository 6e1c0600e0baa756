import { test, expect } from '@playwright/test';
import { aggregateSamplingProfile } from '../../../harness/collect/heap-profile-aggregate.ts';
import { heapSitesRecordSchema } from '../../../harness/log/heap-sites-schema.ts';
import { buildProfile, leakProfile } from './sampling-profile-fixture.ts';

test('a builtin frame is the kind, its caller the site; callers are the next positioned frames; positions 1-based; URL without query', () => {
  const { sites, totalBytes, totalSamples, otherBytes } = aggregateSamplingProfile(leakProfile(2_000_000, 60_000));
  const listener = sites.find((s) => s.fn === 'watchVisibility')!;
  expect(listener).toMatchObject({ kind: 'push', url: 'http://127.0.0.1:8787/app.js', line: 328, col: 3, bytes: 60_000 });
  expect(listener.callers.map((c) => `${c.fn}:${c.line}`)).toEqual(['onAudioDelta:105', 'handle:36']);
  const ticks = sites.filter((s) => s.fn === 'tick');
  expect(ticks.map((s) => s.kind ?? null).sort()).toEqual([null, 'slice'].sort());
  expect(sites.find((s) => s.fn === '(V8 API)')).toMatchObject({ url: '', line: 0, bytes: 750_000, samples: 21 });
  expect(totalBytes).toBe(2_000_000 + 50_000 + 60_000 + 750_000 + 115_000 + 65_000);
  expect(totalSamples).toBe(sites.reduce((n, s) => n + s.samples, 0));
  expect(otherBytes).toBe(0);
  expect(sites[0]!.fn).toBe('tick'); // sorted by bytes
});

test('equal call paths are summed; the cut keeps the top N by bytes and sums the rest into otherBytes', () => {
  const profile = buildProfile([
    { fn: 'a', line: 1, col: 1, children: [{ fn: 'x', line: 9, col: 0, selfSize: 100, samples: 1 }] },
    { fn: 'a', line: 1, col: 1, children: [{ fn: 'x', line: 9, col: 0, selfSize: 300, samples: 2 }] },
    { fn: 'b', line: 2, col: 1, selfSize: 50, samples: 1 },
    { fn: 'c', line: 3, col: 1, selfSize: 20, samples: 1 },
  ]);
  const result = aggregateSamplingProfile(profile, { maxSites: 2 });
  expect(result.sites.map((s) => [s.fn, s.bytes, s.samples])).toEqual([
    ['x', 400, 3],
    ['b', 50, 1],
  ]);
  expect(result.otherBytes).toBe(20);
});

test('the record made from an aggregate validates, long names are capped, and a deep stack does not overflow', () => {
  let deep: Parameters<typeof buildProfile>[0][number] = { fn: 'leaf', line: 1, col: 1, selfSize: 10, samples: 1 };
  for (let i = 0; i < 2_000; i++) deep = { fn: `f${i}`, line: 2, col: 2, children: [deep] };
  const long = { fn: 'n'.repeat(500), line: 4, col: 4, selfSize: 10, samples: 1, url: `http://127.0.0.1/${'p'.repeat(900)}.js` };
  const aggregated = aggregateSamplingProfile(buildProfile([deep, long]));
  const record = { type: 'heap-sites', tMs: 1, samplingIntervalBytes: 4096, ...aggregated };
  expect(heapSitesRecordSchema.safeParse(record).success).toBe(true);
  expect(aggregated.sites.find((s) => s.fn === 'leaf')!.callers.map((c) => c.fn)).toEqual(['f0', 'f1']);
  expect(aggregated.sites.find((s) => s.fn.startsWith('nnn'))!.fn.length).toBe(200);
});
