/**
 * Validate one parsed log line against the zod schemas (once, at the edge), with one-line errors that name the
 * field and the rule. Dispatches on `type` first so an unknown type names the allowed ones, and so only the one
 * matching schema runs.
 */
import type { z } from 'zod';
import {
  LOG_SCHEMA_VERSION,
  OLDEST_READABLE_LOG_SCHEMA_VERSION,
  cdpSampleSchema,
  cycleRecordSchema,
  micSpeechSchema,
  harnessEventSchema,
  logHeaderSchema,
  monitorRecordSchema,
  rtEventSchema,
  wsSampleSchema,
  type LogHeader,
  type LogRecord,
} from './log-schema.ts';
import { heapSitesRecordSchema } from './heap-sites-schema.ts';
import { heapSnapshotDiffRecordSchema } from './heap-snapshot-diff-schema.ts';
import { dataChannelSampleSchema, rtcStatsSampleSchema } from './webrtc-schema.ts';
import { describeValue, formatPath, formatZodIssue } from '../validation/format-zod-issue.ts';

const RECORD_SCHEMAS: Record<string, z.ZodType> = {
  cdp: cdpSampleSchema,
  ws: wsSampleSchema,
  rt: rtEventSchema,
  monitor: monitorRecordSchema,
  harness: harnessEventSchema,
  'heap-sites': heapSitesRecordSchema,
  'heap-snapshot-diff': heapSnapshotDiffRecordSchema,
  cycle: cycleRecordSchema,
  mic: micSpeechSchema,
  dc: dataChannelSampleSchema,
  rtc: rtcStatsSampleSchema,
};
export const RECORD_TYPES = Object.keys(RECORD_SCHEMAS);

export type Validated<T> = { ok: true; value: T } | { ok: false; detail: string; field: string | null };

const fail = (detail: string, field: string | null = null): { ok: false; detail: string; field: string | null } => ({ ok: false, detail, field });

export function validateHeader(value: unknown): Validated<LogHeader> {
  if (!isPlainObject(value)) return fail(`expected a header object, got ${describeValue(value)}`);
  if (value.type !== 'header') return fail(`expected a header line first ({"type":"header",...}), got type ${describeValue(value.type)}`, 'type');
  const version = value.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_READABLE_LOG_SCHEMA_VERSION || version > LOG_SCHEMA_VERSION) {
    return fail(
      `unsupported schemaVersion ${describeValue(version)} (this voice-soak reads ${OLDEST_READABLE_LOG_SCHEMA_VERSION} to ${LOG_SCHEMA_VERSION})`,
      'schemaVersion',
    );
  }
  return parseWith(logHeaderSchema, value);
}

export function validateRecord(value: unknown): Validated<LogRecord> {
  if (!isPlainObject(value)) return fail(`expected a record object, got ${describeValue(value)}`);
  const type = value.type;
  if (type === 'header') return fail('unexpected second header line (a log has one header, on line 1)', 'type');
  const schema = typeof type === 'string' ? RECORD_SCHEMAS[type] : undefined;
  if (!schema) return fail(`field "type": unknown record type ${describeValue(type)} (expected one of: ${RECORD_TYPES.join(', ')})`, 'type');
  return parseWith(schema as z.ZodType<LogRecord>, value);
}

/**
 * Parse fast (zod's compiled path), and only on failure parse again with reportInput so the message can quote
 * the offending value: reportInput on every record costs 3-5x (measured on the 8-hour bench log).
 */
function parseWith<T>(schema: z.ZodType<T>, value: unknown): Validated<T> {
  const fast = schema.safeParse(value);
  if (fast.success) return { ok: true, value: fast.data };
  const result = schema.safeParse(value, { reportInput: true });
  const issue = (result.error ?? fast.error).issues[0]!;
  return fail(formatZodIssue(issue), issue.path.length ? formatPath(issue.path) : null);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deepest nesting of arrays/objects, counting stops once limit is exceeded. */
export function nestingExceeds(value: unknown, limit: number, depth = 0): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth >= limit) return true;
  for (const child of Array.isArray(value) ? value : Object.values(value)) if (nestingExceeds(child, limit, depth + 1)) return true;
  return false;
}
