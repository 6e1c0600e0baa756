/**
 * One growing allocation site as a sentence: "Array +2.1 MB/min allocated in tick (src/heap-leak-fault.ts:25) called
 * from start (src/voice-app.ts:60)". Source-mapped positions when known, else the script's file name and line. Pure.
 */
import type { HeapSiteFrame, HeapSiteGrowth } from './report/heap-sites-report-schema.ts';
import { formatNumber } from './judge/format-number.ts';

export function formatBytesPerMin(bytesPerMin: number): string {
  const abs = Math.abs(bytesPerMin);
  const sign = bytesPerMin < 0 ? '-' : '+';
  if (abs >= 1024 * 1024) return `${sign}${formatNumber(abs / (1024 * 1024))} MB/min`;
  return `${sign}${formatNumber(abs / 1024)} KB/min`;
}

export function heapFrameLabel(frame: HeapSiteFrame): string {
  if (frame.source) return `${frame.fn} (${frame.source.file}:${frame.source.line})`;
  const file = frame.url.split('/').pop() || frame.url;
  return file && frame.line > 0 ? `${frame.fn} (${file}:${frame.line})` : frame.fn;
}

export function heapSiteText(site: Omit<HeapSiteGrowth, 'text'>): string {
  const what = site.kind ? `${site.kind} ` : '';
  const callers = site.callers.length ? ` called from ${site.callers.map(heapFrameLabel).join(' < ')}` : '';
  return `${what}${formatBytesPerMin(site.bytesPerMin)} allocated in ${heapFrameLabel(site)}${callers}`;
}
