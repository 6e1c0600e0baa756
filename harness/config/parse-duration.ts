/** "7m", "90s", "1h30m", "1500ms" -> milliseconds; null when the text is not a duration. */
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;

export function parseDuration(text: string): number | null {
  const compact = text.trim().toLowerCase();
  if (!/^(\d+(?:\.\d+)?(ms|s|m|h))+$/.test(compact)) return null;
  let totalMs = 0;
  for (const [, value, unit] of compact.matchAll(PART)) totalMs += Number(value) * (UNIT_MS[unit!] ?? 0);
  return totalMs > 0 ? Math.round(totalMs) : null;
}
