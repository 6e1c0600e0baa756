/**
 * synth CLI: write a synthetic voice-soak log.
 *   npx tsx harness/synth/write-log.ts out.jsonl --duration 7m --seed 1 --fault heap-leak=2 [--fault ...]
 *     [--messages-per-second 10] [--source harness|page] [--no-after-gc]
 * Durations: 420000 (ms), 90s, 7m, 8h. Prints the number of records and bytes written.
 */
import { statSync } from 'node:fs';
import { parseDuration } from '../config/parse-duration.ts';
import { createLogWriter } from '../log/log-writer.ts';
import type { LogHeader, LogRecord } from '../log/log-schema.ts';
import { generateLog } from './generate-log.ts';
import { parseFaultArg, type SynthFaults } from './synth-faults.ts';

const USAGE =
  'usage: write-log.ts <out.jsonl> [--duration 7m] [--seed 1] [--fault NAME=VALUE]... [--messages-per-second 10] [--source harness|page] [--no-after-gc]';

/** A bare number is milliseconds; anything else is a duration as in the settings (7m, 90s, 1h30m). */
export function parseDurationMs(text: string): number {
  const ms = /^\d+(?:\.\d+)?$/.test(text.trim()) ? Number(text) : parseDuration(text);
  if (ms === null) throw new Error(`--duration: expected a duration like 420000, 90s, 7m or 8h, got "${text}"`);
  return ms;
}

export function main(argv: string[]): number {
  const out = argv.find((a, i) => !a.startsWith('--') && !(argv[i - 1] ?? '').match(/^--(duration|seed|fault|messages-per-second|source)$/));
  if (!out) throw new Error(USAGE);
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const faults: SynthFaults = {};
  argv.forEach((a, i) => {
    if (a === '--fault') Object.assign(faults, parseFaultArg(argv[i + 1] ?? ''));
  });
  const seed = Number(value('--seed') ?? 1);
  if (!Number.isInteger(seed)) throw new Error(`--seed: expected an integer, got "${value('--seed')}"`);
  const source = (value('--source') ?? 'harness') as 'harness' | 'page';
  if (source !== 'harness' && source !== 'page') throw new Error(`--source: expected harness or page, got "${source}"`);
  const records = generateLog({
    durationMs: parseDurationMs(value('--duration') ?? '7m'),
    seed,
    faults,
    messagesPerSecond: Number(value('--messages-per-second') ?? 10),
    source,
    afterGcSamples: argv.includes('--no-after-gc') ? false : undefined,
  });
  const header = records.next().value as LogHeader;
  const writer = createLogWriter(out, header);
  for (const record of records) writer.write(record as LogRecord);
  void writer.close();
  if (writer.dropped) throw new Error(`${writer.dropped} record(s) dropped: ${writer.firstDropReason}`);
  console.log(`${out}: ${writer.written} records, ${statSync(out).size} bytes`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`write-log: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
