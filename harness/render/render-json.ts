/**
 * Stable, pretty JSON for a Report or a Comparison: object keys sorted, two-space indent, trailing newline, so
 * two renders of equal values are byte-identical and diff cleanly. DEL and C1 controls (which JSON.stringify leaves
 * raw, and a terminal obeys: 0x9b is CSI) are written as \u escapes: the same JSON value, safe to print. Pure module.
 */

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

export function renderJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
