/**
 * What the page-cost benchmarks share: the app's own audio and handler times, gathered from the in-page monitor's
 * records of one phase, printed as the same five columns beside each bench's own (chunks, chunk mean, chunk p99, the
 * ratio of chunk means to the OFF phase, handler p99), a fixed-width table printer, and printAndRecord (the table
 * printed and written to bench/results.md).
 */
import { mean, quantile } from 'simple-statistics';
import type { LogRecord } from '../../harness/log/log-schema.ts';
import { seededRandom } from '../../harness/synth/seeded-random.ts';
import { markdownTable, writeResultsSection } from './results-file.ts';

export interface AppCost {
  chunkMs: number[];
  handlerMs: number[];
}

/** The app's audio-chunk processing and message handler times in a phase's monitor records. */
export function addAppCost(into: AppCost, records: readonly LogRecord[]): void {
  for (const r of records) {
    if (r.type === 'monitor' && r.kind === 'audio-chunk') into.chunkMs.push(r.processingMs);
    if (r.type === 'monitor' && r.kind === 'message') into.handlerMs.push(r.handlerMs);
  }
}

export const q = (values: number[], p: number) => (values.length ? quantile(values, p) : Number.NaN);
export const m = (values: number[]) => (values.length ? mean(values) : Number.NaN);
export const fmt = (n: number, digits = 3) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

export const APP_COST_HEAD = ['chunks', 'chunk mean', 'chunk p99', 'ratio', 'handler p99'] as const;
export const APP_COST_WIDTHS = [8, 11, 10, 7, 12] as const;

export function appCostCells(phase: AppCost, off: AppCost): string[] {
  return [
    String(phase.chunkMs.length),
    fmt(m(phase.chunkMs)),
    fmt(q(phase.chunkMs, 0.99)),
    fmt(m(phase.chunkMs) / m(off.chunkMs), 2),
    fmt(q(phase.handlerMs, 0.99)),
  ];
}

/** A table with the first column left-aligned and the others right-aligned to their widths. */
export function printTable(head: readonly string[], widths: readonly number[], rows: readonly string[][]): void {
  for (const cells of [head, ...rows]) console.log(cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(''));
}

/** Prints the title, the table and the note, and writes the same as section `name` of bench/results.md. */
export function printAndRecord(
  section: { name: string; heading: string },
  title: string,
  head: readonly string[],
  widths: readonly number[],
  rows: readonly string[][],
  note: string,
): void {
  console.log(title);
  printTable(head, widths, rows);
  console.log(note);
  writeResultsSection(section.name, section.heading, [title, '', markdownTable(head, rows), '', note].join('\n'));
}

/**
 * 95 % bootstrap interval of mean(on) / mean(off) (2000 resamples, seeded: the same input gives the same interval):
 * how finely one run can resolve the app's cost change at all.
 */
export function ratioInterval(on: readonly number[], off: readonly number[], seed = 16): { low: number; high: number } {
  if (!on.length || !off.length) return { low: Number.NaN, high: Number.NaN };
  const random = seededRandom(seed);
  const resampledMean = (values: readonly number[]) => {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[Math.floor(random() * values.length)]!;
    return sum / values.length;
  };
  const ratios = Array.from({ length: 2000 }, () => resampledMean(on) / resampledMean(off)).sort((a, b) => a - b);
  return { low: ratios[49]!, high: ratios[1949]! };
}
