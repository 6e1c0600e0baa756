/**
 * Number formatting shared by the renderers: fixed decimals, "n/a" for missing values, m:ss for times.
 * Formatting only: no statistics. Pure module.
 */

export const NOT_AVAILABLE = 'n/a';

/** A millisecond value with one decimal ("12.3"), or "n/a". The caller appends the unit. */
export function formatMs(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? NOT_AVAILABLE : value.toFixed(1);
}

/** A count or byte amount rounded to an integer ("1024"), or "n/a". */
export function formatCount(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? NOT_AVAILABLE : String(Math.round(value));
}

/** A value with up to `decimals` decimals, trailing zeros trimmed ("3.4", "12", "-0.25"), or "n/a". */
export function formatDecimals(value: number | null | undefined, decimals = 2): string {
  if (value == null || !Number.isFinite(value)) return NOT_AVAILABLE;
  const fixed = value.toFixed(decimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** Bytes as MiB with one decimal ("412.5 MB"), or "n/a". */
export function formatMegabytes(bytes: number | null | undefined): string {
  return bytes == null || !Number.isFinite(bytes) ? NOT_AVAILABLE : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Milliseconds since start as m:ss ("0:00", "7:05", "61:40"). */
export function formatMinSec(tMs: number): string {
  const totalS = Math.max(0, Math.round(tMs / 1000));
  const minutes = Math.floor(totalS / 60);
  const seconds = totalS % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
