/**
 * The log format as JSON Schema (draft 2020-12), derived from log-schema.ts with zod 4's z.toJSONSchema, so tools
 * outside TypeScript can validate voice-soak logs. The committed copy is log.schema.json (generate-json-schema.ts).
 */
import { z } from 'zod';
import { LOG_SCHEMA_VERSION, logHeaderSchema, logRecordSchema } from './log-schema.ts';

export function buildLogJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://voice-soak.local/schemas/log-v${LOG_SCHEMA_VERSION}.schema.json`,
    title: 'voice-soak log line',
    description:
      'One line of a voice-soak JSONL log: line 1 is the header, every other line is a record. Generated from harness/log/log-schema.ts; do not edit.',
    $defs: {
      header: subschema(logHeaderSchema),
      record: subschema(logRecordSchema),
    },
    oneOf: [{ $ref: '#/$defs/header' }, { $ref: '#/$defs/record' }],
  };
}

/** A definition inside $defs: without its own $schema keyword. */
function subschema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

export function logJsonSchemaText(): string {
  return `${JSON.stringify(buildLogJsonSchema(), null, 2)}\n`;
}
