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

const KIB = 1024;
const MIB = KIB * KIB;
const GIB = MIB * KIB;

/** About three significant figures, trailing zeros trimmed: "1195", "412.5", "3.4", "0.12", "0.0034". */
export function formatReadable(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 100) return formatDecimals(value, 0);
  if (abs >= 10) return formatDecimals(value, 1);
  if (abs >= 1 || abs === 0) return formatDecimals(value, 2);
  return String(Number(value.toPrecision(2)));
}

/** Bytes in the largest binary unit that keeps the number at 1 or more: "500 MB", "64 KB", "812 bytes". */
function scaledBytes(bytes: number, suffix = ''): string {
  const abs = Math.abs(bytes);
  if (abs >= GIB) return `${formatReadable(bytes / GIB)} GB${suffix}`;
  if (abs >= MIB) return `${formatReadable(bytes / MIB)} MB${suffix}`;
  if (abs >= KIB) return `${formatReadable(bytes / KIB)} KB${suffix}`;
  return `${formatReadable(bytes)} bytes${suffix}`;
}

/**
 * An assertion's actual or expected value in its unit (assertionSchema.unit), rounded for reading: "0.12 MB/min",
 * "500 MB", "1195 ms", "3.0 %" (a share), "2 errors". Strings as they are, null as "missing"; a report without units
 * (written before they were recorded) gets the bare rounded number. The HTML and Markdown reports share it.
 */
export function formatAssertionValue(value: number | string | null | undefined, unit: string | undefined): string {
  if (value == null) return 'missing';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return NOT_AVAILABLE;
  switch (unit) {
    case undefined:
    case '':
      return formatReadable(value);
    case 'bytes':
      return scaledBytes(value);
    case 'bytes/min':
      return scaledBytes(value, '/min');
    case 'share': {
      const percent = value * 100;
      return `${Math.abs(percent) >= 1 || percent === 0 ? percent.toFixed(1) : formatReadable(percent)} %`;
    }
    case 'ms':
      return `${Math.abs(value) >= 100 ? formatDecimals(value, 0) : formatDecimals(value, 1)} ms`;
    default:
      return `${formatReadable(value)} ${unit}`;
  }
}
