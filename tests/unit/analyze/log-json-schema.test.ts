import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { logJsonSchemaText } from '../../../harness/log/log-json-schema.ts';

test('the committed log.schema.json matches log-schema.ts (run: npx tsx harness/log/generate-json-schema.ts)', () => {
  const committed = readFileSync(new URL('../../../harness/log/log.schema.json', import.meta.url), 'utf8');
  expect(committed, 'harness/log/log.schema.json is stale: regenerate it').toBe(logJsonSchemaText());
  const schema = JSON.parse(committed);
  const record = JSON.stringify(schema.$defs.record);
  for (const type of ['cdp', 'ws', 'rt', 'monitor', 'harness', 'dc', 'rtc']) expect(record).toContain(`"const":"${type}"`);
  // Version 2 is written; version 1 logs (no audio-out, mic, dc or rtc records) are still read.
  expect(schema.$defs.header.properties.schemaVersion).toMatchObject({ minimum: 1, maximum: 2 });
});
