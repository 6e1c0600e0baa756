/**
 * A Report whose every string field (and record key) holds hostile text: markup, attribute breakouts, CDATA ends,
 * javascript: URLs, RTL overrides, control characters, very long strings. For escaping tests (unit and e2e).
 */
import type { Report } from '../../../harness/analyze/report/report-schema.ts';
import { buildSampleReport } from './sample-report.ts';

export const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  ']]>',
  '</svg><script>alert(2)</script>',
  '</pre></textarea></title></style><script>alert(3)</script>',
  'javascript:alert(1)',
  '[click](javascript:alert(1)) <a href="javascript:alert(1)">x</a>',
  '\u202Egnp.exe\u202C \u05E9\u05DC\u05D5\u05DD',
  'bell\u0007 nul\u0000 lone\uD800 surrogate',
  '| pipe | # heading\n\n- list\r\n<b>bold</b>',
  `${'A'.repeat(5000)}<script>alert(4)</script>`,
];

/** A hostile string for field number `i` (cycles through HOSTILE_STRINGS, tagged with the field name). */
const hostile = (field: string, i: number) => `${field}:${HOSTILE_STRINGS[i % HOSTILE_STRINGS.length]}`;

export function buildHostileReport(): Report {
  const base = buildSampleReport();
  let i = 0;
  const h = (field: string) => hostile(field, i++);
  return {
    ...base,
    startedAt: h('startedAt'),
    target: { url: h('url'), kind: h('kind'), dialect: h('dialect') },
    toolVersion: h('toolVersion'),
    faults: HOSTILE_STRINGS.map((s) => `fault:${s}`),
    series: base.series.map((series) => ({
      ...series,
      id: h('series.id'),
      title: h('series.title'),
      unit: h('series.unit'),
      trend: series.trend ? { ...series.trend, unit: h('trend.unit') } : undefined,
    })),
    issues: HOSTILE_STRINGS.map((s, n) => ({
      id: `issue:${s}`,
      level: n % 2 === 0 ? 'error' : 'warn',
      title: h('issue.title'),
      message: h('issue.message'),
      evidence: { [h('evidence.key')]: h('evidence.value') },
      window: null,
      recommendation: h('issue.recommendation'),
    })),
    assertions: HOSTILE_STRINGS.map((s) => ({
      id: `assertion:${s}`,
      level: 'error',
      expected: h('assertion.expected'),
      actual: h('assertion.actual'),
      operator: '<=',
      passed: false,
      message: h('assertion.message'),
    })),
    verdict: 'fail',
    input: { records: { [h('records.key')]: 1 }, warnings: HOSTILE_STRINGS.map((s) => `warning:${s}`) },
  };
}
