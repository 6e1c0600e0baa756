/**
 * What the renderers show of the sampling heap profile: the heap-sites section's heading line and rows (site,
 * growth, floor, whether it counts), and an issue's "Likely source" lines. Values formatted only. Pure module.
 */
import type { HeapSitesSummary } from '../analyze/report/heap-sites-report-schema.ts';
import type { Issue } from '../analyze/report/report-schema.ts';
import { formatBytesPerMin } from '../analyze/heap-site-text.ts';

export function likelySourceLines(issue: Issue): string[] {
  return (issue.likelySources ?? []).map((text) => `Likely source: ${text}`);
}

export function heapSitesCaption(summary: HeapSitesSummary): string {
  const rate = summary.method === 'theil-sen' ? 'Theil-Sen slope' : 'two-point rate (fewer than 5 checkpoints)';
  const above = summary.sites.filter((s) => s.aboveFloor).length;
  return `${above} site(s) above the noise floor; ${rate} of live sampled bytes over ${summary.checkpoints} checkpoints, ${(summary.fromMs / 1000).toFixed(0)}-${(summary.toMs / 1000).toFixed(0)} s, sampling every ${summary.samplingIntervalBytes} bytes, floor at least ${formatBytesPerMin(summary.minFloorBytesPerMin)}`;
}

export interface HeapSiteRow {
  site: string;
  growth: string;
  floor: string;
  counts: string;
}

export function heapSiteRows(summary: HeapSitesSummary): HeapSiteRow[] {
  return summary.sites.map((s) => ({
    site: s.text,
    growth: formatBytesPerMin(s.bytesPerMin),
    floor: formatBytesPerMin(s.floorBytesPerMin),
    counts: s.aboveFloor ? 'above floor' : s.aboveNoise ? 'above noise, under the fixed floor' : 'noise',
  }));
}
