import { test, expect } from '@playwright/test';
import { aggregateSamplingProfile } from '../../../harness/collect/heap-profile-aggregate.ts';
import { analyze } from '../../../harness/analyze/analyze.ts';
import { heapSiteGrowth, MIN_FLOOR_BYTES_PER_MIN } from '../../../harness/analyze/heap-site-growth.ts';
import { attachLikelySources } from '../../../harness/analyze/likely-sources.ts';
import type { HeapSitesRecord } from '../../../harness/log/heap-sites-schema.ts';
import type { LogHeader, LogRecord } from '../../../harness/log/log-schema.ts';
import { reportSchema, type Issue } from '../../../harness/analyze/report/report-schema.ts';
import { renderHtml } from '../../../harness/render/render-html.ts';
import { renderMarkdown } from '../../../harness/render/render-markdown.ts';
import { renderText } from '../../../harness/render/render-text.ts';
import { leakProfile } from './sampling-profile-fixture.ts';
import { testLogHeader } from '../log/test-log-header.ts';

const MIB = 1024 * 1024;

/** Checkpoints every 20 s; tick retains tickMbPerMin, the listener site listenerKbPerMin; V8's own sites stay flat. */
function checkpoints(n: number, tickMbPerMin: number, listenerKbPerMin: number, internalGrowth = 0): HeapSitesRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const minutes = (i * 20) / 60;
    const profile = leakProfile(1_000_000 + tickMbPerMin * MIB * minutes, 40_000 + listenerKbPerMin * 1024 * minutes, 750_000 + internalGrowth * minutes);
    return { type: 'heap-sites', tMs: 60_000 + i * 20_000, samplingIntervalBytes: 4096, ...aggregateSamplingProfile(profile) };
  });
}

test('Theil-Sen rates per site with 5+ checkpoints; sites of unnamed scripts and V8 pseudo-frames are never named', () => {
  const summary = heapSiteGrowth(checkpoints(8, 2, 300, 5 * MIB), 60_000, 0.95)!;
  expect(summary).toMatchObject({ checkpoints: 8, method: 'theil-sen', samplingIntervalBytes: 4096, minFloorBytesPerMin: MIN_FLOOR_BYTES_PER_MIN });
  const above = summary.sites.filter((s) => s.aboveFloor);
  expect(above.map((s) => s.fn)).toEqual(['tick', 'watchVisibility']);
  expect(above[0]!.bytesPerMin / MIB).toBeCloseTo(2 * (1 + 1 / 40), 1);
  expect(above[1]!.text).toBe('push +300 KB/min allocated in watchVisibility (app.js:328) called from onAudioDelta (app.js:105) < handle (app.js:36)');
  expect(summary.sites.some((s) => s.url === '' || s.fn.startsWith('('))).toBe(false);
});

test('fewer than 5 checkpoints: a two-point rate, stated; a growth within 3 sampling errors or under the fixed floor is noise', () => {
  const two = heapSiteGrowth(checkpoints(3, 1, 20), 60_000, 0.95)!;
  expect(two.method).toBe('two-point');
  expect(two.sites.filter((s) => s.aboveFloor).map((s) => s.fn)).toEqual(['tick']);
  const listener = two.sites.find((s) => s.fn === 'watchVisibility')!;
  expect(listener.bytesPerMin / 1024).toBeCloseTo(20, 0);
  expect(listener.floorBytesPerMin).toBeGreaterThanOrEqual(MIN_FLOOR_BYTES_PER_MIN);
  // No growth at all: nothing above the floor.
  expect(heapSiteGrowth(checkpoints(6, 0, 0), 60_000, 0.95)!.sites.filter((s) => s.aboveFloor)).toEqual([]);
  // One checkpoint (or none) cannot give a rate.
  expect(heapSiteGrowth(checkpoints(1, 1, 1), 60_000, 0.95)).toBeNull();
  // Warm-up: only the last checkpoint before it joins when fewer than 2 are after it.
  expect(heapSiteGrowth(checkpoints(6, 1, 1), 150_000, 0.95)!.checkpoints).toBe(2);
});

const issue = (id: string): Issue => ({ id, level: 'error', title: id, message: `${id}: 3 > 1`, evidence: {}, window: null, recommendation: 'Fix it.' });

test('memory findings get the top three sites as Likely sources and a recommendation naming the first; others are untouched', () => {
  const summary = heapSiteGrowth(checkpoints(8, 2, 300), 60_000, 0.95);
  const [heap, latency, dom] = attachLikelySources([issue('heap-growth'), issue('latency-growth'), issue('dom-growth')], summary);
  expect(heap!.likelySources).toEqual([summary!.sites[0]!.text, summary!.sites[1]!.text]);
  expect(heap!.recommendation).toMatch(/^Fix it\. Start with tick \(app\.js:261\): its live allocations grow \+2\.\d MB\/min \(sampling heap profile\)\.$/);
  expect(latency).toEqual(issue('latency-growth'));
  expect(dom!.likelySources).toHaveLength(2);
  const quiet = attachLikelySources([issue('heap-growth')], heapSiteGrowth(checkpoints(6, 0, 0), 60_000, 0.95))[0]!;
  expect(quiet.likelySources).toEqual([
    'no heap allocation site grew above the noise floor (+32.0 KB/min or 3 sampling errors) over 6 heap profile checkpoints',
  ]);
  expect(quiet.recommendation).toBe('Fix it.');
  expect(attachLikelySources([issue('heap-growth')], null)[0]!.likelySources).toBeUndefined();
});

test('analyze() puts heapSites in the report and Likely sources under Issues Detected in text, Markdown and HTML', () => {
  const header: LogHeader = testLogHeader();
  const records: LogRecord[] = [];
  for (let t = 0; t <= 240_000; t += 1000) {
    const afterGc = t % 10_000 === 0;
    records.push({
      type: 'cdp',
      tMs: t,
      heapUsedBytes: 20 * MIB + (2 * MIB * t) / 60_000 + (afterGc ? 0 : 3 * MIB),
      heapTotalBytes: 64 * MIB,
      domNodes: 500,
      eventListeners: 40,
      documents: 1,
      afterGc,
    });
  }
  records.push(...checkpoints(8, 2, 300));
  records.sort((a, b) => a.tMs - b.tMs);
  const report = analyze({ header, records });
  expect(reportSchema.parse(report)).toEqual(report);
  expect(report.heapSites?.sites[0]?.fn).toBe('tick');
  const heap = report.issues.find((i) => i.id === 'heap-growth')!;
  expect(heap.likelySources?.[0]).toMatch(/^\+2\.\d MB\/min allocated in tick \(app\.js:261\) called from \(anonymous\) \(app\.js:1\)$/);
  const text = renderText(report);
  const detected = text.slice(text.indexOf('Issues Detected:'), text.indexOf('Recommendations:'));
  expect(detected).toContain(`- ${heap.message}\n  Likely source: ${heap.likelySources![0]}\n`);
  expect(text.slice(text.indexOf('Recommendations:'))).toContain('Start with tick (app.js:261)');
  const md = renderMarkdown(report);
  expect(md).toContain('## Heap allocation sites');
  expect(md).toContain('\n  Likely source: +2.');
  const html = renderHtml(report);
  expect(html).toContain('<h2>Heap allocation sites</h2>');
  expect(html).toContain('<div class="likely-source">Likely source: +2.');
});

test('an ArrayBuffer leak shows only as a slow JS-heap site: buffer-growth names it (marked), heap-growth does not', () => {
  // 20 KB/min of wrappers over 3 minutes: beyond 3 sampling errors, under the 32 KB/min fixed floor.
  const records = Array.from({ length: 10 }, (_, i): HeapSitesRecord => {
    const minutes = (i * 20) / 60;
    return {
      type: 'heap-sites',
      tMs: 60_000 + i * 20_000,
      samplingIntervalBytes: 4096,
      ...aggregateSamplingProfile(leakProfile(1_000_000, 20 * 1024 * minutes + 4096)),
    };
  });
  const summary = heapSiteGrowth(records, 60_000, 0.95)!;
  const listener = summary.sites.find((s) => s.fn === 'watchVisibility')!;
  expect(listener).toMatchObject({ aboveFloor: false, aboveNoise: true });
  expect(summary.sites.filter((s) => s.aboveFloor)).toEqual([]);
  const [buffers, heap] = attachLikelySources([issue('buffer-growth'), issue('heap-growth')], summary);
  expect(buffers!.likelySources).toEqual([`${listener.text} (its JS-heap part: ArrayBuffer backing stores are not sampled)`]);
  expect(buffers!.recommendation).toContain('Start with watchVisibility (app.js:328)');
  expect(heap!.likelySources?.[0]).toMatch(/^no heap allocation site grew above the noise floor/);
});
