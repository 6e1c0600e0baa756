/** Read a run.jsonl as it is on disk now: every line must parse and validate (header first). */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logHeaderSchema, logRecordSchema, type LogHeader, type LogRecord } from '../../../harness/log/log-schema.ts';

export function readRunLog(path: string): { header: LogHeader; records: LogRecord[] } {
  const text = readFileSync(path, 'utf8');
  if (!text.endsWith('\n')) throw new Error(`${path}: last line is not complete`);
  const lines = text.trimEnd().split('\n');
  const header = logHeaderSchema.parse(JSON.parse(lines[0]!));
  const records = lines.slice(1).map((line, i) => {
    const parsed = logRecordSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path}:${i + 2}: ${parsed.error.issues[0]?.message} in ${line.slice(0, 200)}`);
    return parsed.data;
  });
  return { header, records };
}

/** Outside test-results/, which every `playwright test` start wipes (other runs may start while ours is going). */
export const E2E_RUNS_DIR = join(tmpdir(), 'voice-soak-e2e-runs');
