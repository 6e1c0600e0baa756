/**
 * Holm-Bonferroni adjusted p-values: compare each to alpha and the family-wise error rate stays <= alpha however
 * many metrics are tested (so comparing two clean runs does not "find" a regression by chance). Pure module.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a]! - pValues[b]!);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[index]!));
    adjusted[index] = running;
  });
  return adjusted;
}
