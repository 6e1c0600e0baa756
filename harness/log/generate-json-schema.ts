/**
 * Regenerate harness/log/log.schema.json from log-schema.ts:
 *   npx tsx harness/log/generate-json-schema.ts
 * A unit test (tests/unit/analyze/log-json-schema.test.ts) fails when the committed file is stale.
 * The only file in harness/analyze that touches fs; it is a script, never imported by the analyzer.
 */
import { logJsonSchemaText } from './log-json-schema.ts';

export const LOG_JSON_SCHEMA_PATH = new URL('./log.schema.json', import.meta.url);

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(LOG_JSON_SCHEMA_PATH, logJsonSchemaText());
  console.log(`wrote ${LOG_JSON_SCHEMA_PATH.pathname}`);
}
