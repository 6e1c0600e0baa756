/** One key metric's value for the summary tables and trends: "3.40 MB/min", "512.0 MB", "1234 ms", "n/a". */
import { formatMegabytes, NOT_AVAILABLE } from './format-value.ts';

export function formatKeyMetric(value: number | null | undefined, unit: string): string {
  if (value == null) return NOT_AVAILABLE;
  if (unit === 'bytes') return formatMegabytes(value);
  if (unit.endsWith('/min')) return `${value.toFixed(2)} ${unit}`;
  if (Number.isInteger(value)) return `${value} ${unit}`;
  return `${value.toFixed(0)} ${unit}`;
}
