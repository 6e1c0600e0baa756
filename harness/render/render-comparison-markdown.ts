/**
 * A Comparison as Markdown: verdict heading, one table row per metric, notes. Log strings are escaped. Pure module.
 */
import type { Comparison } from '../analyze/compare/comparison-schema.ts';
import { COMPARISON_HEADERS, comparisonCells, type ComparisonCells } from './comparison-cells.ts';
import { escapeMarkdown as md } from './escape-markdown.ts';

const COLUMNS: (keyof ComparisonCells)[] = ['metric', 'before', 'after', 'delta', 'relative', 'test', 'pValue', 'result'];
const row = (cells: ComparisonCells) => `| ${COLUMNS.map((c) => md(cells[c])).join(' | ')} |`;

export function renderComparisonMarkdown(comparison: Comparison): string {
  const title =
    comparison.regressions.length > 0
      ? `REGRESSED (${comparison.regressions.map(md).join(', ')})`
      : comparison.verdict === 'improved'
        ? 'improved'
        : 'no significant regression';
  return [
    `# voice-soak comparison: ${title}`,
    '',
    `Before: ${md(comparison.before.startedAt)} ${md(comparison.before.targetUrl)} (${md(comparison.before.verdict)})  `,
    `After: ${md(comparison.after.startedAt)} ${md(comparison.after.targetUrl)} (${md(comparison.after.verdict)})  `,
    `Confidence ${comparison.confidence}, Holm-adjusted p &lt; ${comparison.alpha.toFixed(3)}; medians must also move by at least ${(comparison.minRelativeDelta * 100).toFixed(0)}%.`,
    '',
    row(COMPARISON_HEADERS),
    `|${COLUMNS.map(() => ' --- |').join('')}`,
    ...comparison.metrics.map((m) => row(comparisonCells(m))),
    '',
    '## Notes',
    '',
    ...comparison.metrics.map((m) => `- ${md(m.title)}: ${md(m.note)}`),
    '',
  ].join('\n');
}
