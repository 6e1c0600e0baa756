/**
 * Benchmark: analyze an 8-hour soak log. Generates the log (a CDP and a WebSocket sample per second, a turn every
 * ~12 s with ~10 messages/s during replies) to a temp file, then times readLog + the streaming analyzer over it in
 * a child process and prints a table. Targets: under 2 s and 300 MB.
 *   npx tsx bench/analyze-8h.ts [--quick] [--duration 8h] [--seed 1] [--keep]
 * --quick analyzes once instead of best of 3 (still the 8-hour log: the aim is about it). Writes its table and the
 * aim to bench/results.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LogHeader, LogRecord } from '../harness/log/log-schema.ts';
import { createLogWriter } from '../harness/log/log-writer.ts';
import { generateLog } from '../harness/synth/generate-log.ts';
import { parseDurationMs } from '../harness/synth/write-log.ts';
import { isQuick, markdownTable, recordAim, writeResultsSection } from './lib/results-file.ts';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const durationMs = parseDurationMs(flag('--duration') ?? '8h');
const seed = Number(flag('--seed') ?? 1);
const dir = mkdtempSync(join(tmpdir(), 'voice-soak-bench-'));
const path = join(dir, 'soak-8h.jsonl');

const genStartMs = performance.now();
const records = generateLog({ durationMs, seed, messagesPerSecond: 10 });
const writer = createLogWriter(path, records.next().value as LogHeader);
for (const record of records) writer.write(record as LogRecord);
await writer.close();
const genMs = performance.now() - genStartMs;

const child = fileURLToPath(new URL('./lib/analyze-child.ts', import.meta.url));
const runs = (isQuick() ? [1] : [1, 2, 3]).map(() =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', child, path], { encoding: 'utf8' }).trim().split('\n').pop()!),
);
const best = runs.reduce((a, b) => (b.totalMs < a.totalMs ? b : a));
const mb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const rows: Array<[string, string]> = [
  ['log duration', `${(durationMs / 3_600_000).toFixed(2)} h`],
  ['records', String(best.records)],
  ['file size', mb(statSync(path).size)],
  ['generate + write (parent)', `${(genMs / 1000).toFixed(1)} s`],
  ['read + validate + add', `${best.readAndAddMs.toFixed(0)} ms`],
  ['finish (trends, report)', `${best.finishMs.toFixed(0)} ms`],
  [`total analyze (best of ${runs.length})`, `${best.totalMs.toFixed(0)} ms  (runs: ${runs.map((r) => r.totalMs.toFixed(0)).join(', ')} ms)`],
  ['peak RSS (child)', mb(best.peakRssBytes)],
  ['peak JS heap (child)', mb(best.peakHeapBytes)],
  ['report JSON size', `${(best.reportBytes / 1024).toFixed(0)} KB`],
  ['verdict / issues', `${best.verdict} / ${best.issues.join(', ') || 'none'}`],
];
const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
const timeMet = best.totalMs < 2000;
const memoryMet = best.peakRssBytes < 300 * 1024 * 1024;
const targets = `targets: total < 2000 ms (${timeMet ? 'met' : 'MISSED'}), peak RSS < 300 MB (${memoryMet ? 'met' : 'MISSED'})`;
console.log(targets);
writeResultsSection('analyze-8h', 'Analyzer throughput (bench/analyze-8h.ts)', [markdownTable(['measure', 'value'], rows), '', targets].join('\n'));
recordAim(
  'analyze-8h',
  `${(durationMs / 3_600_000).toFixed(1)} h log (${best.records} records): ${best.totalMs.toFixed(0)} ms, peak RSS ${mb(best.peakRssBytes)}`,
  timeMet && memoryMet && durationMs >= 8 * 3_600_000,
  'bench/analyze-8h.ts',
);
if (args.includes('--keep')) console.log(`log kept at ${path}`);
else rmSync(dir, { recursive: true, force: true });
