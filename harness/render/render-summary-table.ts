/**
 * The compact console table the soak reporter prints at the end of a run:
 *
 *   voice-soak: 2 soak tests, 1 failed
 *   test                 verdict  heap slope    TTFR p95  errors  issues
 *   clean conversation   PASS     0.05 MB/min   812 ms    0       0
 *   ...then one line per failed assertion (error), warning and regression.
 */
import { formatKeyMetric } from './format-key-metric.ts';
import { entryFailsRun } from '../verdict/summary-entry-from-report.ts';
import type { SoakSummary } from '../verdict/soak-summary-schema.ts';
import { stripControlChars } from './strip-control-chars.ts';

const MAX_TITLE = 48;

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}\u2026`;
}

export function renderSummaryTable(summary: SoakSummary): string {
  const failed = summary.tests.filter(entryFailsRun).length;
  const rows = summary.tests.map((t) => [
    clip(t.title, MAX_TITLE),
    t.verdict.toUpperCase() + (t.partial ? ' (partial)' : '') + (t.recovered ? ' (recovered)' : ''),
    formatKeyMetric(t.metrics.heapSlopeMbPerMin, 'MB/min'),
    formatKeyMetric(t.metrics.ttfrP95Ms, 'ms'),
    t.metrics.totalErrors == null ? 'n/a' : String(t.metrics.totalErrors),
    String(t.issues.length),
  ]);
  const header = ['test', 'verdict', 'heap slope', 'TTFR p95', 'errors', 'issues'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [`voice-soak: ${summary.tests.length} soak test${summary.tests.length === 1 ? '' : 's'}, ${failed} failed`, line(header), ...rows.map(line)];
  for (const t of summary.tests) {
    for (const message of t.failures) out.push(`  error  ${clip(t.title, MAX_TITLE)}: ${message}`);
    for (const message of t.baseline?.regressions ?? []) out.push(`  error  ${clip(t.title, MAX_TITLE)}: regression vs baseline: ${message}`);
    for (const message of t.warnings) out.push(`  warn   ${clip(t.title, MAX_TITLE)}: ${message}`);
    if (t.note) out.push(`  note   ${clip(t.title, MAX_TITLE)}: ${t.note}`);
  }
  // Titles and messages come from logs and servers: no escape sequence reaches the terminal raw.
  return `${stripControlChars(out.join('\n'))}\n`;
}
