import { test, expect } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aggregateSamplingProfile } from '../../../harness/collect/heap-profile-aggregate.ts';
import type { LogHeader, LogRecord } from '../../../harness/log/log-schema.ts';
import { readLog } from '../../../harness/log/log-reader.ts';
import { createLogWriter } from '../../../harness/log/log-writer.ts';
import { leakProfile } from './sampling-profile-fixture.ts';
import { testLogHeader } from '../log/test-log-header.ts';

const HEADER: LogHeader = testLogHeader();

test('a heap-sites record goes through the log writer and comes back from the reader unchanged; a bad one is refused by name', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'voice-soak-heap-sites-')), 'run.jsonl');
  const record: LogRecord = {
    type: 'heap-sites',
    tMs: 12_000,
    reason: 'turn 2 end',
    samplingIntervalBytes: 4096,
    profileMs: 9.5,
    ...aggregateSamplingProfile(leakProfile(2_000_000, 60_000)),
  };
  let failure: string | null = null;
  const writer = createLogWriter(path, HEADER, { onFailure: (reason) => (failure = reason) });
  writer.write(record);
  writer.write({ ...record, tMs: 13_000, samplingIntervalBytes: 0 } as LogRecord);
  await writer.close();
  const read: LogRecord[] = [];
  await readLog(
    path,
    () => undefined,
    (r) => read.push(r),
  );
  expect(read).toEqual([record]);
  expect(failure).toBeNull();
  expect(writer.dropped).toBe(1);
  expect(writer.firstDropReason).toContain('samplingIntervalBytes');
});
