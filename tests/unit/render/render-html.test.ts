import { test, expect } from '@playwright/test';
import { renderHtml, REPORT_CSP } from '../../../harness/render/render-html.ts';
import { buildSampleReport } from '../../fixtures-data/reports/sample-report.ts';
import { buildHostileReport } from '../../fixtures-data/reports/hostile-report.ts';
import { checkMarkup, foreignLinks, unsafeAttributes } from './markup-check.ts';

const ALLOWED_TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'h1',
  'h2',
  'div',
  'span',
  'p',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'figure',
  'figcaption',
  'pre',
  'ul',
  'li',
  'svg',
  'defs',
  'clippath',
  'rect',
  'text',
  'tspan',
  'line',
  'g',
  'polyline',
  'circle',
  // the sticky summary and its links to the report's own charts and rows
  'header',
  'nav',
  'a',
]);

test('the HTML report is self-contained: strict CSP, no script, no external references', () => {
  const html = renderHtml(buildSampleReport());
  const { tags, attributes } = checkMarkup(html, { html: true });
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP.replace(/'/g, '&#39;')}">`);
  // What the policy allows, directive by directive: nothing by default, inline styles, data: images; no script source.
  const policy = new Map(
    REPORT_CSP.split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );
  expect(policy.get('default-src')).toEqual(["'none'"]);
  expect([...policy.keys()].filter((name) => /^(script|connect|frame|object|worker)/.test(name))).toEqual([]);
  expect([...policy.values()].flat().filter((source) => !["'none'", "'unsafe-inline'", 'data:'].includes(source))).toEqual([]);
  expect(policy.get('style-src')).toEqual(["'unsafe-inline'"]);
  expect(tags.has('script')).toBe(false);
  expect([...tags].filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
  expect(unsafeAttributes(attributes)).toEqual([]);
  expect(foreignLinks(html)).toEqual([]);
  expect(html.match(/<svg /g)).toHaveLength(buildSampleReport().series.length);
  expect(html).toContain('verdict-fail');
  expect(html).toContain('Performance Analysis Report\n2025-05-01T10:00:00.000Z');
});

test('chart clip-path ids are unique within the document', () => {
  const html = renderHtml(buildSampleReport());
  const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
  expect(ids.filter((id) => id.endsWith('-clip')).length).toBe(buildSampleReport().series.length); // one clip path per chart
  expect(new Set(ids).size).toBe(ids.length); // and the figures' and rows' anchors are unique too
});

test('hostile strings in every field of a report produce no markup of their own', () => {
  const html = renderHtml(buildHostileReport());
  const { tags, attributes } = checkMarkup(html, { html: true });
  expect([...tags].filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
  expect(unsafeAttributes(attributes)).toEqual([]);
  expect(foreignLinks(html)).toEqual([]);
  expect(html).not.toMatch(/<script|<img|<a (?!class="check-link level-(?:error|warn)" href="#)|<svg onload/i); // 'onerror=' may appear, escaped, as text
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(html).toContain('\u202Egnp.exe');
  expect(html).not.toMatch(/[\u0000\u0007]/);
});
