/**
 * Markdown: each soak test's key metrics across the last nightly runs, one row per metric with a text sparkline,
 * the last values (oldest first) and the latest value. Values from the history only; nothing is recomputed.
 * A partial run's values (the run was cut short) are shown with a `*` and left out of the sparkline.
 */
import { escapeMarkdown as md } from './escape-markdown.ts';
import { formatKeyMetric } from './format-key-metric.ts';
import { KEY_METRICS } from '../verdict/key-metrics.ts';
import type { History } from '../verdict/history-schema.ts';
import { sparklineText } from './sparkline-text.ts';

export function historyValues(history: History, title: string, key: string, lastRuns: number): (number | null)[] {
  return history.runs.slice(-lastRuns).map((run) => run.tests.find((t) => t.title === title)?.metrics[key] ?? null);
}

function partialFlags(history: History, title: string, lastRuns: number): boolean[] {
  return history.runs.slice(-lastRuns).map((run) => run.tests.find((t) => t.title === title)?.partial !== undefined);
}

export function renderHistoryTrends(history: History, lastRuns = 14): string {
  const latest = history.runs.at(-1);
  if (!latest) return '';
  const runs = Math.min(lastRuns, history.runs.length);
  const lines = [`## Trend over the last ${runs} run${runs === 1 ? '' : 's'}`, ''];
  for (const test of latest.tests) {
    lines.push(`### ${md(test.title)}`, '', '| Metric | Trend | Last values (oldest first) | Latest |', '| --- | --- | --- | --- |');
    const partial = partialFlags(history, test.title, runs);
    for (const metric of KEY_METRICS) {
      const values = historyValues(history, test.title, metric.key, runs);
      if (values.every((v) => v === null)) continue;
      const mark = (i: number) => (partial[i] ? '*' : '');
      const shown = values.map((v, i) => (v === null ? '-' : `${formatKeyMetric(v, metric.unit).replace(` ${metric.unit}`, '')}${mark(i)}`)).join(', ');
      const trend = sparklineText(values.map((v, i) => (partial[i] ? null : v)));
      lines.push(
        `| ${metric.label} (${metric.unit === 'bytes' ? 'MB' : metric.unit}) | \`${trend}\` | ${shown} | ${formatKeyMetric(values.at(-1), metric.unit)}${mark(values.length - 1)} |`,
      );
    }
    if (partial.some(Boolean)) lines.push('', '\\* a partial run (cut short): its values cover only part of the conversation and are left out of the trend.');
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
