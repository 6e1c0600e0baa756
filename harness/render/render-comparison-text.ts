/**
 * A Comparison as a plain-text table (columns padded to width), then the verdict line. Pure module. Text that came
 * from a log or a report (URLs, ids) is shown without escape sequences or control characters (strip-control-chars.ts).
 */
import type { Comparison } from '../analyze/compare/comparison-schema.ts';
import { COMPARISON_HEADERS, comparisonCells, type ComparisonCells } from './comparison-cells.ts';
import { stripControlChars } from './strip-control-chars.ts';

const COLUMNS: (keyof ComparisonCells)[] = ['metric', 'before', 'after', 'delta', 'relative', 'test', 'pValue', 'result'];
const oneLine = (text: string) => stripControlChars(text.replace(/[\r\n\u2028\u2029]+/g, ' '));

export function renderComparisonText(comparison: Comparison): string {
  const rows = [COMPARISON_HEADERS, ...comparison.metrics.map(comparisonCells)];
  const widths = COLUMNS.map((column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: ComparisonCells) =>
    COLUMNS.map((column, i) => row[column].padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const verdict =
    comparison.regressions.length > 0
      ? `Verdict: REGRESSED (${oneLine(comparison.regressions.join(', '))})`
      : `Verdict: ${comparison.verdict === 'improved' ? 'improved' : 'no significant regression'}`;
  return [
    'Performance Comparison',
    `Before: ${oneLine(comparison.before.startedAt)} ${oneLine(comparison.before.targetUrl)} (${comparison.before.verdict})`,
    `After:  ${oneLine(comparison.after.startedAt)} ${oneLine(comparison.after.targetUrl)} (${comparison.after.verdict})`,
    `Confidence ${comparison.confidence} (Holm-adjusted p < ${comparison.alpha.toFixed(3)}); medians must also move by >= ${(comparison.minRelativeDelta * 100).toFixed(0)}%`,
    '',
    line(rows[0]!),
    COLUMNS.map((_, i) => '-'.repeat(widths[i]!)).join('  '),
    ...rows.slice(1).map(line),
    '',
    verdict,
    '',
  ].join('\n');
}
