import { test, expect } from '@playwright/test';
import { renderMarkdown } from '../../../harness/render/render-markdown.ts';
import { escapeMarkdown } from '../../../harness/render/escape-markdown.ts';
import { buildSampleReport } from '../../fixtures-data/reports/sample-report.ts';
import { buildHostileReport, HOSTILE_STRINGS } from '../../fixtures-data/reports/hostile-report.ts';

test('the summary has the verdict, a metrics table, issues and failed assertions', () => {
  const md = renderMarkdown(buildSampleReport());
  expect(md.split('\n')[0]).toBe('# voice-soak report: FAIL');
  expect(md).toContain('| Metric | Value | Budget |');
  expect(md).toContain('| Heap growth \\(post-GC\\) | 3.4 MB/min | 1 MB/min |');
  expect(md).toContain('## Issues');
  expect(md).toContain('heap-growth: 3.4 MB/min &gt; 1.0 MB/min');
  expect(md).toContain('| error | heap-growth | 3.4 |');
});

test('escapeMarkdown neutralises markup, links, tables and line breaks', () => {
  expect(escapeMarkdown('<script>alert(1)</script>')).toBe('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
  expect(escapeMarkdown('[x](javascript:alert(1))')).toBe('\\[x\\]\\(javascript:alert\\(1\\)\\)');
  expect(escapeMarkdown('<javascript:alert(1)>')).toBe('&lt;javascript:alert\\(1\\)&gt;');
  expect(escapeMarkdown('a | b\n# c *d* `e` ![i]')).toBe('a \\| b # c \\*d\\* \\`e\\` \\!\\[i\\]');
  expect(escapeMarkdown('"quoted" & \'single\'')).toBe('&quot;quoted&quot; &amp; &#39;single&#39;');
});

test('hostile strings cannot add HTML, links, table cells or blocks', () => {
  const md = renderMarkdown(buildHostileReport());
  expect(md).not.toMatch(/<(?!br)/);
  expect(md).not.toMatch(/[^\\]\]\(/);
  for (const row of md.split('\n').filter((l) => l.startsWith('| '))) {
    const cells = row.replace(/\\\|/g, '').split('|').length - 2;
    expect([3, 5]).toContain(cells);
  }
  const headings = md.split('\n').filter((l) => l.startsWith('#'));
  expect(headings).toEqual(['# voice-soak report: FAIL', '## Metrics', '## Issues', '## Failed assertions', '## Input warnings']);
  expect(HOSTILE_STRINGS.length).toBeGreaterThan(5);
});
