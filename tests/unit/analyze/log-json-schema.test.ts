import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { logJsonSchemaText } from '../../../harness/log/log-json-schema.ts';

test('the committed log.schema.json matches log-schema.ts (run: npx tsx harness/log/generate-json-schema.ts)', () => {
  const committed = readFileSync(new URL('../../../harness/log/log.schema.json', import.meta.url), 'utf8');
  expect(committed, 'harness/log/log.schema.json is stale: regenerate it').toBe(logJsonSchemaText());
  const schema = JSON.parse(committed);
  const record = JSON.stringify(schema.$defs.record);
  for (const type of ['cdp', 'ws', 'rt', 'monitor', 'harness']) expect(record).toContain(`"const":"${type}"`);
  expect(schema.$defs.header.properties.schemaVersion.const).toBe(1);
});
