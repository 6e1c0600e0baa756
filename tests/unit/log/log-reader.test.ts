import { test, expect } from '@playwright/test';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogHeader, LogRecord } from '../../../harness/log/log-schema.ts';
import { LogInputError, MAX_LINE_BYTES, readLog } from '../../../harness/log/log-reader.ts';
import { createLogWriter } from '../../../harness/log/log-writer.ts';
import { RECORD_TYPES } from '../../../harness/log/validate-log-record.ts';
import { readThresholdsFile } from '../../../harness/thresholds/thresholds-file.ts';
import { testLogHeader } from './test-log-header.ts';

const dir = mkdtempSync(join(tmpdir(), 'voice-soak-reader-'));
const HEADER: LogHeader = testLogHeader();
const CDP = { type: 'cdp', tMs: 1000, heapUsedBytes: 1e7, heapTotalBytes: 2e7, domNodes: 10, eventListeners: 2, documents: 1 };
let n = 0;
const file = (content: string | Buffer): string => {
  const path = join(dir, `run${++n}.jsonl`);
  writeFileSync(path, content);
  return path;
};
const lines = (...values: unknown[]): string => `${values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('\n')}\n`;

async function readError(path: string): Promise<LogInputError> {
  try {
    await readLog(
      path,
      () => {},
      () => {},
    );
  } catch (error) {
    expect(error).toBeInstanceOf(LogInputError);
    expect((error as LogInputError).exitCode).toBe(2);
    expect((error as Error).message).not.toContain('\n');
    return error as LogInputError;
  }
  throw new Error(`expected ${path} to be rejected`);
}

test('reads a valid log record by record, with defaults applied', async () => {
  const records: LogRecord[] = [];
  let header: LogHeader | null = null;
  const path = file(lines(HEADER, CDP, { ...CDP, tMs: 2000, afterGc: true }, { type: 'harness', kind: 'run-end', tMs: 3000 }));
  const result = await readLog(
    path,
    (h) => (header = h),
    (r) => records.push(r),
  );
  expect(header!.source).toBe('harness');
  expect(records.map((r) => r.type)).toEqual(['cdp', 'cdp', 'harness']);
  expect((records[0] as { afterGc: boolean }).afterGc).toBe(false);
  expect(result).toEqual({ warnings: [], lines: 4 });
});

const DC = {
  type: 'dc',
  tMs: 1500,
  channelId: 'dc-1',
  label: 'oai-events',
  peerId: 'pc-1',
  readyState: 1,
  bufferedAmountBytes: 0,
  messagesSent: 1,
  messagesReceived: 9,
  bytesSent: 80,
  bytesReceived: 2000,
};
const RTC = {
  type: 'rtc',
  tMs: 1500,
  peerId: 'pc-1',
  connectionState: 'connected',
  inbound: {
    packetsReceived: 50,
    packetsLost: 0,
    jitterMs: 2,
    jitterBufferDelayMs: 1000,
    jitterBufferEmittedCount: 48000,
    concealedSamples: 0,
    silentConcealedSamples: 0,
    concealmentEvents: 0,
    totalSamplesReceived: 48000,
  },
  candidatePair: { state: 'succeeded', localAddress: '127.0.0.1', remoteAddress: '127.0.0.1', bytesSent: 1, bytesReceived: 2 },
};

test('schema version 2 reads its WebRTC records (dc, rtc), and a version 1 log (no such records) still reads', async () => {
  for (const schemaVersion of [1, 2]) {
    const records: LogRecord[] = [];
    await readLog(
      file(lines({ ...HEADER, schemaVersion }, CDP, DC, RTC)),
      () => {},
      (r) => records.push(r),
    );
    expect(records.map((r) => r.type)).toEqual(['cdp', 'dc', 'rtc']);
  }
  const bad = await readError(file(lines({ ...HEADER, schemaVersion: 2 }, { ...RTC, inbound: { ...RTC.inbound, jitterMs: -1 } })));
  expect(bad.message).toMatch(/:2: field "inbound\.jitterMs": expected a number >= 0, got -1$/);
});

test('each kind of bad input gives one line naming file, line and field', async () => {
  const cases: Array<[string | Buffer, string | RegExp]> = [
    [lines(HEADER, { ...CDP, heapUsedBytes: '12' }), ':2: field "heapUsedBytes": expected a number, got "12"'],
    ['', ': empty file (expected a header line)'],
    ['\n\n', ': empty file (expected a header line)'],
    [lines({ ...HEADER, schemaVersion: 9 }), ':1: unsupported schemaVersion 9 (this voice-soak reads 1 to 2)'],
    [lines({ ...HEADER, schemaVersion: 0 }), ':1: unsupported schemaVersion 0 (this voice-soak reads 1 to 2)'],
    [lines(CDP), ':1: expected a header line first ({"type":"header",...}), got type "cdp"'],
    [lines(HEADER, '{"type": "cdp", oops}'), /:2: not JSON \(.+\)$/],
    [lines(HEADER, '{"type":"cdp","tMs":NaN}'), ':2: not JSON: NaN is not a JSON number (write null or omit the field)'],
    [lines(HEADER, '{"type":"cdp","tMs":1,"heapUsedBytes":Infinity}'), ':2: not JSON: Infinity is not a JSON number (write null or omit the field)'],
    [lines(HEADER, { type: 'gpu', tMs: 1 }), `:2: field "type": unknown record type "gpu" (expected one of: ${RECORD_TYPES.join(', ')})`],
    [lines(HEADER, { type: 'rt', tMs: 1, kind: 'nope' }), /:2: field "kind": expected one of "speech-started", .*got "nope"$/],
    [lines(HEADER, HEADER), ':2: unexpected second header line (a log has one header, on line 1)'],
    [lines(HEADER, { type: 'monitor', kind: 'message', tMs: -1, handlerMs: 1, queueSize: 0 }), ':2: field "tMs": expected a number >= 0, got -1'],
    [lines(HEADER, { ...CDP, domNodes: undefined }), ':2: field "domNodes": missing (expected a number)'],
    [lines(HEADER, [1, 2]), ':2: expected a record object, got an array'],
    [lines(HEADER, { ...CDP, deep: JSON.parse('['.repeat(40) + ']'.repeat(40)) }), ':2: nesting deeper than 32 levels: not a voice-soak record'],
    [
      Buffer.concat([Buffer.from(lines(HEADER)), Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x0a])]),
      ':2: binary content (NUL byte at column 2): is this a JSONL log?',
    ],
    [Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x0a]), ':1: binary content (gzip-compressed?): decompress the log first'],
    [Buffer.concat([Buffer.from(lines(HEADER)), Buffer.from([0xff, 0xfe, 0x7b, 0x0a])]), ':2: binary content (invalid UTF-8): is this a JSONL log?'],
  ];
  for (const [content, expected] of cases) {
    const path = file(content);
    const error = await readError(path);
    if (typeof expected === 'string') expect(error.message).toBe(path + expected);
    else expect(error.message.slice(path.length)).toMatch(expected);
  }
  const fieldError = await readError(file(lines(HEADER, { ...CDP, heapUsedBytes: '12' })));
  expect([fieldError.line, fieldError.field]).toEqual([2, 'heapUsedBytes']);
});

test('missing file, directory, and a line over the limit read with a bounded buffer', async () => {
  expect((await readError(join(dir, 'nope.jsonl'))).message).toBe(`${join(dir, 'nope.jsonl')}: no such file`);
  const sub = join(dir, 'sub.jsonl');
  mkdirSync(sub);
  expect((await readError(sub)).message).toBe(`${sub}: is a directory`);
  const hugeLine = file(`${lines(HEADER)}"${'x'.repeat(MAX_LINE_BYTES * 3)}`);
  const before = process.memoryUsage().rss;
  const error = await readError(hugeLine);
  expect(error.message).toMatch(/:2: line longer than 1048576 bytes \(\d+ bytes so far\): not a voice-soak log line$/);
  expect(Number(/\((\d+) bytes so far/.exec(error.message)![1])).toBeLessThan(MAX_LINE_BYTES + 300 * 1024);
  expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
});

test('a truncated last line is tolerated with a warning; a truncated middle line is not', async () => {
  const records: LogRecord[] = [];
  const path = file(`${lines(HEADER, CDP)}{"type":"cdp","tMs":20`);
  const result = await readLog(
    path,
    () => {},
    (r) => records.push(r),
  );
  expect(records).toHaveLength(1);
  expect(result.warnings).toEqual([`${path}:3: truncated last line ignored (no trailing newline, not JSON)`]);
  expect((await readError(file(lines(HEADER, '{"type":"cdp","tMs":20', CDP)))).message).toMatch(/:2: not JSON/);
  const complete = file(lines(HEADER) + JSON.stringify(CDP));
  expect(
    (
      await readLog(
        complete,
        () => {},
        () => {},
      )
    ).warnings,
  ).toEqual([]);
});

test('the writer writes each line at once, validates the header, drops bad or late records without throwing', async () => {
  const path = join(dir, 'written.jsonl');
  expect(() => createLogWriter(path, { ...HEADER, sampleIntervalMs: -1 })).toThrow(
    `${path}: invalid log header: field "sampleIntervalMs": expected a number > 0, got -1`,
  );
  const writer = createLogWriter(path, HEADER);
  writer.write(CDP as LogRecord);
  expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3); // header, record, '' : on disk before close
  writer.write({ ...CDP, heapUsedBytes: Number.NaN } as LogRecord);
  await writer.close();
  expect(() => writer.write(CDP as LogRecord)).not.toThrow();
  await writer.close();
  expect([writer.written, writer.dropped]).toEqual([1, 2]);
  expect(writer.firstDropReason).toBe('invalid cdp record: field "heapUsedBytes": expected a number, got NaN');
  const records: LogRecord[] = [];
  await readLog(
    path,
    () => {},
    (r) => records.push(r),
  );
  expect(records).toEqual([{ ...CDP, afterGc: false }]);
});

test('thresholds files: field errors and file errors in one line', async () => {
  expect(await readThresholdsFile(file('{"maxHeapBytes": 1048576}'))).toEqual({ maxHeapBytes: 1048576 });
  const bad = file('{"maxErrors": "none"}');
  await expect(readThresholdsFile(bad)).rejects.toThrow(`${bad}: field "maxErrors": expected a number, got "none"`);
  const notJson = file('{maxErrors: 1}');
  await expect(readThresholdsFile(notJson)).rejects.toThrow(new RegExp(`^${notJson}: not JSON \\(`));
  await expect(readThresholdsFile(join(dir, 'missing.json'))).rejects.toThrow(`${join(dir, 'missing.json')}: no such file`);
});
