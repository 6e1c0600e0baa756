/**
 * Write a voice-soak JSONL log as the run goes: the header first, then one record per line, each written to disk
 * immediately (fs.writeSync), so a crash of the run loses at most the record being written. The header is
 * validated (throws); records are validated too, but a bad record, a write error or a record after close() is
 * dropped and counted, never thrown: a collector must not break a soak.
 * A failed or short write (a full disk: ENOSPC, EDQUOT; an I/O error) ends writing for good: the file is cut back
 * to its last whole record, so the log stays valid, every later record is dropped, and onFailure hears it once, at
 * that first failure, so the run can stop instead of going on without a log. With reserveBytes, a file of that
 * size (<log>.reserve) holds room for the end: at the failure it is deleted, so the run-end record saying why the
 * run stopped still fits (and is the one record accepted after the failure). close() deletes it.
 */
import { closeSync, fsyncSync, ftruncateSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { logHeaderSchema, type LogHeaderInput, type LogRecord } from './log-schema.ts';
import { formatZodIssue } from '../validation/format-zod-issue.ts';
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
  /** The write failure that ended writing ("ENOSPC: no space left on device, write"), or null. */
  readonly failure: string | null;
}

export interface LogWriterOptions {
  /** Called once, at the first failed write, with what failed; the log holds every record before it. */
  onFailure?: (reason: string) => void;
  /** Room kept for the run-end record after a full disk (a <log>.reserve file), bytes; default none. */
  reserveBytes?: number;
}

/** What the harness reserves: a run-end record with a long reason, many times over. */
export const LOG_RESERVE_BYTES = 64 * 1024;

export function createLogWriter(path: string, header: LogHeaderInput, options: LogWriterOptions = {}): LogWriter {
  const parsed = logHeaderSchema.safeParse(header, { reportInput: true });
  if (!parsed.success) throw new Error(`${path}: invalid log header: ${formatZodIssue(parsed.error.issues[0]!)}`);
  let fd: number | null = openSync(path, 'w');
  const headerLine = Buffer.from(`${JSON.stringify(parsed.data)}\n`);
  if (writeSync(fd, headerLine) !== headerLine.length) throw new Error(`${path}: could not write the log header (short write: disk full?)`);
  let wholeBytes = headerLine.length; // the file's length up to its last whole record
  let failure: string | null = null;
  let endWritten = false;
  const reservePath = `${path}.reserve`;
  const reserved = (options.reserveBytes ?? 0) > 0;
  if (reserved) writeFileSync(reservePath, Buffer.alloc(options.reserveBytes!));
  const freeReserve = () => {
    if (reserved) rmSync(reservePath, { force: true });
  };
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
      const isEnd = record?.type === 'harness' && record.kind === 'run-end';
      if (failure !== null && !(isEnd && !endWritten)) return drop(`write failed earlier: ${failure}`);
      const result = validateRecord(record);
      if (!result.ok) return drop(`invalid ${record?.type ?? 'record'} record: ${result.detail}`);
      if (isEnd) endWritten = true;
      const line = Buffer.from(`${JSON.stringify(result.value)}\n`);
      let reason: string;
      try {
        const n = writeSync(fd, line, 0, line.length, wholeBytes); // at the end of the last whole record
        if (n === line.length) {
          wholeBytes += n;
          written++;
          return;
        }
        reason = `short write (${n} of ${line.length} bytes): no space left on the device?`;
      } catch (cause) {
        reason = cause instanceof Error ? cause.message : String(cause);
      }
      try {
        ftruncateSync(fd, wholeBytes); // no half record at the end
      } catch {
        // the next reader stops at the half line; nothing better is possible here
      }
      drop(`write failed: ${reason}`);
      if (failure !== null) return; // the run-end after a failure did not fit either
      failure = reason;
      freeReserve();
      options.onFailure?.(reason);
    },
    async close() {
      if (fd === null) return;
      const closing = fd;
      fd = null;
      freeReserve();
      try {
        fsyncSync(closing);
      } catch (error) {
        if (failure === null) throw error; // after a failed write the log is already as good as it gets
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
    get failure() {
      return failure;
    },
  };
}
