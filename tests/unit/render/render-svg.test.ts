import { test, expect } from '@playwright/test';
import { renderChartSvg } from '../../../harness/render/render-svg.ts';
import { buildSampleReport } from '../../fixtures-data/reports/sample-report.ts';
import { buildHostileReport } from '../../fixtures-data/reports/hostile-report.ts';
import { checkMarkup } from './markup-check.ts';

const heapSeries = () => buildSampleReport().series[0]!;

test('the heap chart is well formed and draws series, warm-up, trend, budget and post-GC points', () => {
  const series = heapSeries();
  const svg = renderChartSvg(series, { warmupMs: 60_000 });
  const { tags } = checkMarkup(svg);
  expect([...tags]).toEqual(expect.arrayContaining(['svg', 'polyline', 'line', 'circle', 'rect', 'text']));
  expect(svg).toContain('class="warmup"');
  expect(svg).toContain('class="trend"');
  expect(svg).toContain('class="budget"');
  expect(svg.match(/class="highlight"/g)).toHaveLength(series.highlight!.length);
  expect(svg.match(/<polyline class="series" points="([^"]*)"/)![1]!.split(' ')).toHaveLength(series.points.length);
  expect(svg).toContain('>time (m:ss)<');
  expect(svg).toContain('>6:00<');
  expect(svg).toContain('trend 3.4 MB/min [3.1, 3.7]');
  expect(svg).toContain('>MB<');
});

test('the trend line starts at interceptAtFrom at fromMs and rises by slopePerMin', () => {
  const series = heapSeries();
  const svg = renderChartSvg(series, { widthPx: 720, heightPx: 280 });
  const [x1, y1, x2, y2] = svg
    .match(/class="trend" x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"/)!
    .slice(1)
    .map(Number);
  expect(x2! - x1!).toBeGreaterThan(400); // fromMs 1:00 .. toMs 7:00 spans 6/7 of a 624 px plot
  expect(y1! - y2!).toBeGreaterThan(40); // 3.4 MB/min x 6 min on a 0-80 MB axis of 194 px is about 50 px
});

test('output is deterministic', () => {
  expect(renderChartSvg(heapSeries(), { warmupMs: 60_000 })).toBe(renderChartSvg(heapSeries(), { warmupMs: 60_000 }));
});

test('a turn axis labels turn numbers and an empty series says no data', () => {
  const ttfr = buildSampleReport().series[1]!;
  const svg = renderChartSvg(ttfr);
  checkMarkup(svg);
  expect(svg).toContain('>turn<');
  expect(svg).toContain('>40<');
  expect(svg).not.toContain('class="warmup"');
  const empty = renderChartSvg({ ...ttfr, points: [], budget: undefined });
  checkMarkup(empty);
  expect(empty).toContain('no data');
});

test('hostile titles and units stay text', () => {
  for (const series of buildHostileReport().series) {
    const svg = renderChartSvg(series, { warmupMs: 60_000, idPrefix: '"><script>' });
    const { tags, attributes } = checkMarkup(svg);
    expect([...tags].every((t) => ['svg', 'title', 'defs', 'clippath', 'rect', 'text', 'tspan', 'line', 'g', 'polyline', 'circle'].includes(t))).toBe(true);
    expect([...attributes].filter((a) => a.startsWith('on') || a === 'href' || a === 'xlink:href')).toEqual([]);
  }
});
