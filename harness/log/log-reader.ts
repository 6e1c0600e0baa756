/**
 * Read a voice-soak JSONL log from disk, streaming: line by line with a bounded buffer (never the whole file),
 * each line validated once with the zod schemas, then handed to onHeader/onRecord (e.g. createAnalyzer's add).
 * Bad input throws LogInputError with one line naming file, line and field. A truncated LAST line (no trailing
 * newline, not parseable: a run killed mid-write) is tolerated with a warning. A header with no records after it
 * is bad input (there is nothing to analyze), and so are timestamps that go backwards within one source: cdp
 * samples must strictly increase; ws samples and rt events per socketId, and harness events other than notes, must
 * not decrease (1 ms tolerance); monitor records are not checked. Records of different sources are legitimately
 * out of order by up to a monitor pull (~1 s), so there is no file-wide rule; see timestamp-order.ts for why.
 */
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { LogHeader, LogRecord } from './log-schema.ts';
import { LogInputError } from './log-input-error.ts';
import { splitLines } from './line-splitter.ts';
import { createTimestampOrder } from './timestamp-order.ts';
import { nestingExceeds, validateHeader, validateRecord } from './validate-log-record.ts';

export { LogInputError } from './log-input-error.ts';

/** Longest accepted line; records are small (strings are capped at 4 KiB), so a longer line is not a log. */
export const MAX_LINE_BYTES = 1024 * 1024;
/** Deepest accepted nesting of arrays/objects in one record. */
export const MAX_NESTING_DEPTH = 32;

export async function readLog(
  path: string,
  onHeader: (h: LogHeader) => void,
  onRecord: (r: LogRecord) => void,
): Promise<{ warnings: string[]; lines: number }> {
  await checkIsFile(path);
  const warnings: string[] = [];
  let header: LogHeader | null = null;
  let blankLines = 0;
  let records = 0;
  const checkOrder = createTimestampOrder();
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  const error = (line: number | null, detail: string, field: string | null = null): LogInputError => new LogInputError(path, line, detail, field);
  let lines: number;
  try {
    lines = await splitLines(stream, MAX_LINE_BYTES, {
      tooLong(line, bytes) {
        throw error(line, `line longer than ${MAX_LINE_BYTES} bytes (${bytes} bytes so far): not a voice-soak log line`);
      },
      line(bytes, line, terminated) {
        if (line === 1 && bytes[0] === 0x1f && bytes[1] === 0x8b) throw error(line, 'binary content (gzip-compressed?): decompress the log first');
        if (bytes.includes(0)) throw error(line, `binary content (NUL byte at column ${bytes.indexOf(0) + 1}): is this a JSONL log?`);
        const text = bytes.toString('utf8');
        // A record line starts with "{"; only a line that does not is checked for being blank (trim copies).
        if (text.charCodeAt(0) !== 0x7b && text.trim() === '') {
          blankLines++;
          return;
        }
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (cause) {
          if (!terminated && header) {
            warnings.push(`${path}:${line}: truncated last line ignored (no trailing newline, not JSON)`);
            return;
          }
          throw error(line, describeJsonError(text, cause));
        }
        if (openingBrackets(bytes, MAX_NESTING_DEPTH) > MAX_NESTING_DEPTH && nestingExceeds(value, MAX_NESTING_DEPTH))
          throw error(line, `nesting deeper than ${MAX_NESTING_DEPTH} levels: not a voice-soak record`);
        if (!header) {
          const result = validateHeader(value);
          if (!result.ok) throw error(line, result.detail, result.field);
          header = result.value;
          onHeader(header);
          return;
        }
        const result = validateRecord(value);
        if (!result.ok) throw error(line, result.detail, result.field);
        const outOfOrder = checkOrder(result.value, line);
        if (outOfOrder) throw error(line, outOfOrder.detail, outOfOrder.field);
        records++;
        onRecord(result.value);
      },
    });
  } finally {
    stream.destroy();
  }
  if (!header) throw error(null, 'empty file (expected a header line)');
  if (!records) throw error(null, 'no records after the header: nothing to analyze');
  if (blankLines) warnings.push(`${path}: ${blankLines} blank line(s) skipped`);
  return { warnings, lines };
}

/**
 * How many "{" and "[" bytes the line has, counted up to limit + 1: nesting can only exceed the limit when there are
 * more brackets than that, so the walk over the parsed value (nestingExceeds) runs for few lines. Native indexOf.
 */
function openingBrackets(bytes: Buffer, limit: number): number {
  let count = 0;
  for (const bracket of [0x7b, 0x5b]) {
    for (let at = bytes.indexOf(bracket); at !== -1 && count <= limit; at = bytes.indexOf(bracket, at + 1)) count++;
  }
  return count;
}

async function checkIsFile(path: string): Promise<void> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new LogInputError(path, null, 'no such file');
    if (code === 'EACCES') throw new LogInputError(path, null, 'permission denied');
    throw new LogInputError(path, null, `cannot read (${code ?? String(cause)})`);
  }
  if (info.isDirectory()) throw new LogInputError(path, null, 'is a directory');
  if (!info.isFile()) throw new LogInputError(path, null, 'not a regular file');
}

function describeJsonError(text: string, cause: unknown): string {
  const nonFinite = /[:[,]\s*(-?Infinity|NaN)\s*[,}\]]/.exec(text);
  if (nonFinite) return `not JSON: ${nonFinite[1]} is not a JSON number (write null or omit the field)`;
  if (text.includes('\uFFFD')) return 'binary content (invalid UTF-8): is this a JSONL log?';
  const message = cause instanceof Error ? cause.message : String(cause);
  return `not JSON (${message.length > 100 ? `${message.slice(0, 97)}...` : message})`;
}
