/**
 * Markdown: each soak test's key metrics across the last nightly runs, one row per metric with a text sparkline,
 * the last values (oldest first) and the latest value. Values from the history only; nothing is recomputed.
 */
import { escapeMarkdown as md } from '../render/escape-markdown.ts';
import { formatKeyMetric, KEY_METRICS } from '../verdict/key-metrics.ts';
import type { History } from './history-schema.ts';
import { sparklineText } from './sparkline-text.ts';

export function historyValues(history: History, title: string, key: string, lastRuns: number): (number | null)[] {
  return history.runs.slice(-lastRuns).map((run) => run.tests.find((t) => t.title === title)?.metrics[key] ?? null);
}

export function renderHistoryTrends(history: History, lastRuns = 14): string {
  const latest = history.runs.at(-1);
  if (!latest) return '';
  const runs = Math.min(lastRuns, history.runs.length);
  const lines = [`## Trend over the last ${runs} run${runs === 1 ? '' : 's'}`, ''];
  for (const test of latest.tests) {
    lines.push(`### ${md(test.title)}`, '', '| Metric | Trend | Last values (oldest first) | Latest |', '| --- | --- | --- | --- |');
    for (const metric of KEY_METRICS) {
      const values = historyValues(history, test.title, metric.key, runs);
      if (values.every((v) => v === null)) continue;
      const shown = values.map((v) => (v === null ? '-' : formatKeyMetric(v, metric.unit).replace(` ${metric.unit}`, ''))).join(', ');
      lines.push(`| ${metric.label} (${metric.unit === 'bytes' ? 'MB' : metric.unit}) | \`${sparklineText(values)}\` | ${shown} | ${formatKeyMetric(values.at(-1), metric.unit)} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
