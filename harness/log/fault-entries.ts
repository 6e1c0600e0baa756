/**
 * A fault spec as settings, URLs and the log header carry it: comma-separated `name[:value]` entries
 * (`ttfr-growth:400,ws-backpressure`; `name=value` too). Pure, no zod (the page bundle may use it).
 */

/** The entries of a spec, trimmed, empty ones dropped: ' a:1, ,b ' -> ['a:1', 'b']. */
export function faultEntries(spec: string): string[] {
  return spec
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** 'ttfr-growth:400', 'ttfr-growth=400' and ' ttfr-growth ' -> 'ttfr-growth'. */
export function faultName(entry: string): string {
  return entry.split(/[:=]/, 1)[0]!.trim();
}
