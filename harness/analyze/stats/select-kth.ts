/**
 * The k-th smallest value (0-based) of an array, in expected O(n), reordering the array in place (Hoare
 * quickselect with median-of-three pivots). Lets Theil-Sen take a few order statistics of ~10^5 slopes without
 * sorting them.
 */
export function selectKth(values: Float64Array, k: number, from = 0, to = values.length - 1): number {
  if (k < from || k > to) throw new RangeError(`selectKth requires from <= k <= to (${from} <= ${k} <= ${to})`);
  let lo = from;
  let hi = to;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const a = values[lo]!;
    const b = values[mid]!;
    const c = values[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}
