/**
 * Numbers in finding messages, to about two significant figures: 3.4, 0.04, 1234, with no trailing noise.
 * (The renderers' fixed-decimal formatter is formatDecimals in harness/render/format-value.ts.)
 */
export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toString();
  // A budget of exactly two decimals (0.25 MB/min) reads as itself, not as 0.3.
  if (abs < 1 && abs >= 0.1 && Math.abs(value * 100 - Math.round(value * 100)) < 1e-9 && Math.round(abs * 100) % 10 !== 0) return value.toFixed(2);
  if (abs >= 0.1 || abs === 0) return value.toFixed(1);
  return value.toPrecision(1);
}

/** "minutes 1-7" for a window in ms. */
export function formatMinutes(fromMs: number, toMs: number): string {
  const from = fromMs / 60_000;
  const to = toMs / 60_000;
  const digits = to - from < 3 ? 1 : 0;
  return `minutes ${from.toFixed(digits)}-${to.toFixed(digits)}`;
}

export function formatMb(bytes: number | null): string {
  return bytes === null ? 'n/a' : `${formatNumber(bytes / (1024 * 1024))} MB`;
}

/** Small rates (errors per turn): two decimals at most, so a 0.25 budget does not read as 0.3. */
export function formatRate(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toFixed(2))) : 'n/a';
}
