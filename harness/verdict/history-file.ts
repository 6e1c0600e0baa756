/**
 * Read and write the history file. A missing file is an empty history; an unreadable or foreign one is an error
 * naming the file and the field (a broken cache must not silently restart the trend).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatZodIssue } from '../validation/format-zod-issue.ts';
import { EMPTY_HISTORY, historySchema, type History } from './history-schema.ts';

export function readHistoryFile(path: string): History {
  if (!existsSync(path)) return EMPTY_HISTORY;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`history file ${path}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = historySchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new Error(`history file ${path}: ${formatZodIssue(parsed.error.issues[0]!)}`);
  return parsed.data;
}

/** Written to a temporary file first, then renamed, so a killed run never leaves half a history. */
export function writeHistoryFile(path: string, history: History): void {
  const target = resolve(path);
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.tmp-${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify(history, null, 2)}\n`);
  renameSync(temporary, target);
}
