/**
 * Write a voice-soak JSONL log as the run goes: the header first, then one record per line, each written to disk
 * immediately (fs.writeSync), so a crash of the run loses at most the record being written. The header is
 * validated (throws); records are validated too, but a bad record, a write error or a record after close() is
 * dropped and counted, never thrown: a collector must not break a soak.
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { logHeaderSchema, type LogHeaderInput, type LogRecord } from '../core/log/log-schema.ts';
import { formatZodIssue } from '../core/validation/format-zod-issue.ts';
import { validateRecord } from './validate-log-record.ts';

export interface LogWriter {
  write(record: LogRecord): void;
  close(): Promise<void>;
  /** Records written so far. */
  readonly written: number;
  /** Records dropped: invalid, after close, or failed writes. */
  readonly dropped: number;
  /** Why the first record was dropped, for the run's report. */
  readonly firstDropReason: string | null;
}

export function createLogWriter(path: string, header: LogHeaderInput): LogWriter {
  const parsed = logHeaderSchema.safeParse(header, { reportInput: true });
  if (!parsed.success) throw new Error(`${path}: invalid log header: ${formatZodIssue(parsed.error.issues[0]!)}`);
  let fd: number | null = openSync(path, 'w');
  writeSync(fd, `${JSON.stringify(parsed.data)}\n`);
  let written = 0;
  let dropped = 0;
  let firstDropReason: string | null = null;
  const drop = (reason: string): void => {
    dropped++;
    if (firstDropReason === null) firstDropReason = reason;
  };
  return {
    write(record) {
      if (fd === null) return drop(`record after close (${record?.type ?? 'unknown'} at ${record?.tMs ?? '?'} ms)`);
      const result = validateRecord(record);
      if (!result.ok) return drop(`invalid ${record?.type ?? 'record'} record: ${result.detail}`);
      try {
        writeSync(fd, `${JSON.stringify(result.value)}\n`);
        written++;
      } catch (cause) {
        drop(`write failed: ${cause instanceof Error ? cause.message : String(cause)}`);
      }
    },
    async close() {
      if (fd === null) return;
      const closing = fd;
      fd = null;
      try {
        fsyncSync(closing);
      } finally {
        closeSync(closing);
      }
    },
    get written() {
      return written;
    },
    get dropped() {
      return dropped;
    },
    get firstDropReason() {
      return firstDropReason;
    },
  };
}
