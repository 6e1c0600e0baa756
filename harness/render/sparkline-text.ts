/** A one-line text sparkline ("▁▂▄█") of a series; gaps (null) are shown as a space. Empty input gives ''. */

const BARS = ['\u2581', '\u2582', '\u2583', '\u2584', '\u2585', '\u2586', '\u2587', '\u2588'];

export function sparklineText(values: readonly (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return values.map(() => ' ').join('');
  const min = Math.min(...present);
  const span = Math.max(...present) - min;
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return ' ';
      const index = span === 0 ? 3 : Math.round(((v - min) / span) * (BARS.length - 1));
      return BARS[index]!;
    })
    .join('');
}
