/**
 * Run inside a mount namespace with a small tmpfs at argv[2] (log-writer-full-disk.test.ts): stream CDP records
 * into a log there until the disk is full, then the run-end, then more records, and print what happened and what the
 * file holds as one JSON line (the tmpfs is gone once this process ends).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { logHeaderSchema, logRecordSchema } from '../../../../harness/log/log-schema.ts';
import { DEFAULT_THRESHOLDS } from '../../../../harness/thresholds/thresholds-schema.ts';
import { createLogWriter } from '../../../../harness/log/log-writer.ts';

const path = join(process.argv[2]!, 'run.jsonl');
const failures: { reason: string; afterRecords: number }[] = [];
const writer = createLogWriter(
  path,
  {
    type: 'header',
    schemaVersion: 1,
    tool: { name: 'voice-soak', version: 'test' },
    source: 'harness',
    target: { url: 'http://127.0.0.1/', kind: 'embedded' },
    startedAt: new Date(0).toISOString(),
    sampleIntervalMs: 1000,
    thresholds: DEFAULT_THRESHOLDS,
    faults: [],
    meta: {},
  },
  { reserveBytes: 16 * 1024, onFailure: (reason) => failures.push({ reason, afterRecords: writer.written }) },
);
const sample = (tMs: number) => ({
  type: 'cdp' as const,
  tMs,
  heapUsedBytes: 1e7 + tMs,
  heapTotalBytes: 2e7,
  domNodes: 100,
  eventListeners: 10,
  documents: 1,
  afterGc: false,
  sampleLatencyMs: 3,
});
let tMs = 0;
/** The next record's time, 100 ms after the last one. */
const nextTMs = (): number => {
  tMs += 100;
  return tMs;
};
while (failures.length === 0 && tMs < 10_000_000) writer.write(sample(nextTMs()));
for (let i = 0; i < 5; i++) writer.write(sample(nextTMs())); // after the failure: dropped, not attempted
writer.write({ type: 'harness', tMs: nextTMs(), kind: 'run-end', detail: `log write failed: ${failures[0]?.reason}` });
writer.write(sample(nextTMs()));
await writer.close();
const text = readFileSync(path, 'utf8');
const lines = text.split('\n');
let valid = 0;
for (const line of lines.slice(1, -1)) if (logRecordSchema.safeParse(JSON.parse(line)).success) valid++;
process.stdout.write(
  `${JSON.stringify({
    failures,
    written: writer.written,
    dropped: writer.dropped,
    headerValid: logHeaderSchema.safeParse(JSON.parse(lines[0]!)).success,
    endsWithNewline: text.endsWith('\n'),
    records: lines.length - 2,
    valid,
    last: JSON.parse(lines.at(-2)!),
    reserveLeft: existsSync(`${path}.reserve`),
  })}\n`,
);
