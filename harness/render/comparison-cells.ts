/**
 * The formatted cells of one compared metric, shared by the comparison's text and Markdown renderers.
 * Formatting only. Pure module.
 */
import type { MetricComparison } from '../analyze/compare/comparison-schema.ts';
import { formatMegabytes, formatDecimals, NOT_AVAILABLE } from './format-value.ts';

export interface ComparisonCells {
  metric: string;
  before: string;
  after: string;
  delta: string;
  relative: string;
  test: string;
  pValue: string;
  result: string;
}

export const COMPARISON_HEADERS: ComparisonCells = {
  metric: 'Metric',
  before: 'Before',
  after: 'After',
  delta: 'Delta',
  relative: 'Rel.',
  test: 'Test',
  pValue: 'p (adj.)',
  result: 'Result',
};

function formatValue(value: number | null, unit: string, signed = false): string {
  if (value == null) return NOT_AVAILABLE;
  const text = unit === 'bytes' ? formatMegabytes(value) : unit === 'count' ? formatDecimals(value) : `${formatDecimals(value)} ${unit}`;
  return signed && value > 0 ? `+${text}` : text;
}

const formatP = (p: number | null) => (p == null ? NOT_AVAILABLE : p < 0.0001 ? '<0.0001' : p.toFixed(4));

export function comparisonCells(m: MetricComparison): ComparisonCells {
  const result = m.regression ? 'REGRESSION' : m.improvement ? 'improved' : m.test === 'none' ? 'not tested' : m.significant ? 'changed' : 'no change';
  return {
    metric: m.title,
    before: formatValue(m.before, m.unit),
    after: formatValue(m.after, m.unit),
    delta: formatValue(m.delta, m.unit, true),
    relative: m.relativeDelta == null ? NOT_AVAILABLE : `${m.relativeDelta > 0 ? '+' : ''}${(m.relativeDelta * 100).toFixed(1)}%`,
    test: m.test,
    pValue: formatP(m.adjustedPValue),
    result,
  };
}
