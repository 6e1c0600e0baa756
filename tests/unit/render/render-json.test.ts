import { test, expect } from '@playwright/test';
import { renderJson } from '../../../harness/render/render-json.ts';
import { reportSchema } from '../../../harness/analyze/report/report-schema.ts';
import { buildSampleReport } from '../../fixtures-data/reports/sample-report.ts';

test('JSON output is pretty, key-sorted, and reads back as the same Report', () => {
  const report = buildSampleReport();
  const json = renderJson(report);
  expect(json.endsWith('}\n')).toBe(true);
  expect(json.split('\n')[1]).toBe('  "assertions": [');
  expect(reportSchema.parse(JSON.parse(json))).toEqual(reportSchema.parse(report));
  const shuffled = Object.fromEntries(Object.entries(report).reverse());
  expect(renderJson(shuffled)).toBe(json);
});
