/**
 * A compare input: a saved report JSON (detected by content: a JSON object with schemaVersion and metrics) or a
 * JSONL log, which is analyzed. Returns the Report; unusable input throws with exitCode 2 naming file and field.
 * A side with nothing in it (an empty or header-only log, a report of one) is unusable: comparing it would read as
 * "no significant regression". A soak summary or comparison JSON is named, with the command that takes it.
 */
import { open, readFile } from 'node:fs/promises';
import { reportSchema, type Report } from '../analyze/report/report-schema.ts';
import { formatZodIssue } from '../validation/format-zod-issue.ts';
import { analyzeLogFile } from '../analyze/analyze-log-file.ts';
import { fileError, InputError } from '../log/log-input-error.ts';
import { artifactKind, wrongArtifactMessage } from '../analyze/identify-json-artifact.ts';

const SNIFF_BYTES = 64 * 1024;

/** True when the file's first line is a complete JSON value (a log header), so the file is JSONL. */
async function looksLikeJsonl(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    if (!head.trimStart().startsWith('{')) return true; // not a JSON object at all: let the log reader say why
    const newline = head.indexOf('\n');
    if (newline < 0) return false;
    JSON.parse(head.slice(0, newline));
    return true;
  } catch (error) {
    if (error instanceof SyntaxError) return false;
    throw error;
  } finally {
    await handle.close();
  }
}

export async function loadReportInput(path: string): Promise<{ report: Report; warnings: string[] }> {
  try {
    if (await looksLikeJsonl(path)) return await analyzeLogFile(path);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      if (error instanceof SyntaxError) return await analyzeLogFile(path);
      throw error;
    }
    const kind = artifactKind(json);
    if (kind === 'soak-summary' || kind === 'comparison') throw new InputError(wrongArtifactMessage(path, kind, 'a report or a log'));
    const isReport = json !== null && typeof json === 'object' && 'schemaVersion' in json && 'metrics' in json;
    if (!isReport) return await analyzeLogFile(path);
    const parsed = reportSchema.safeParse(json, { reportInput: true });
    if (!parsed.success) throw new InputError(`${path}: not a usable report: ${formatZodIssue(parsed.error.issues[0]!)}`);
    const records = Object.values(parsed.data.input.records).reduce((sum, count) => sum + count, 0);
    if (records === 0) throw new InputError(`${path}: a report of a log with no records: nothing to compare`);
    return { report: parsed.data, warnings: parsed.data.input.warnings };
  } catch (error) {
    throw fileError(error, path);
  }
}
