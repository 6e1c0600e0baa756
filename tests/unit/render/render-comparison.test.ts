import { test, expect } from '@playwright/test';
import { compareReports } from '../../../harness/analyze/compare/compare-reports.ts';
import { comparisonSchema } from '../../../harness/analyze/compare/comparison-schema.ts';
import { renderComparisonText } from '../../../harness/render/render-comparison-text.ts';
import { renderComparisonMarkdown } from '../../../harness/render/render-comparison-markdown.ts';
import { renderJson } from '../../../harness/render/render-json.ts';
import { buildSampleReport } from '../../fixtures-data/reports/sample-report.ts';
import { buildHostileReport } from '../../fixtures-data/reports/hostile-report.ts';

const leak = () => compareReports(buildSampleReport({ seed: 1, heapLeakMbPerMin: 0.1 }), buildSampleReport({ seed: 2, heapLeakMbPerMin: 3.4 }));

test('the text table has one aligned row per metric and names the regressions', () => {
  const comparison = leak();
  const lines = renderComparisonText(comparison).split('\n');
  const header = lines.find((l) => l.startsWith('Metric'))!;
  const headerAt = lines.indexOf(header);
  const rows = lines.slice(headerAt + 2, headerAt + 2 + comparison.metrics.length);
  expect(rows).toHaveLength(comparison.metrics.length);
  const beforeColumn = header.indexOf('Before');
  expect(rows.every((r) => r[beforeColumn - 1] === ' ' && r[beforeColumn] !== ' ')).toBe(true);
  const heapRow = rows.find((r) => r.startsWith('Heap growth'))!;
  expect(heapRow).toMatch(/0\.1 MB\/min\s+3\.4 MB\/min\s+\+3\.3 MB\/min\s+\+3300\.0%\s+slope-z\s+<0\.0001\s+REGRESSION/);
  expect(lines).toContain(`Verdict: REGRESSED (${comparison.regressions.join(', ')})`);
});

test('JSON reads back through the schema; Markdown escapes hostile run fields', () => {
  const comparison = leak();
  expect(comparisonSchema.parse(JSON.parse(renderJson(comparison)))).toEqual(comparison);
  const hostile = compareReports(buildHostileReport(), buildHostileReport());
  const md = renderComparisonMarkdown(hostile);
  expect(md).not.toMatch(/<[a-z/]/i);
  expect(md.split('\n').filter((l) => l.startsWith('#'))).toEqual(['# voice-soak comparison: no significant regression', '## Notes']);
  const text = renderComparisonText(hostile);
  expect(text.split('\n').filter((l) => l.startsWith('Before:') || l.startsWith('After:'))).toHaveLength(2);
});
