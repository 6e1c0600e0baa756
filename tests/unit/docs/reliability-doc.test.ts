/**
 * docs/reliability.md promises that every row of its tables is proven by a test in `npm test`: each row's last cell
 * must name at least one test file, and every file it names must exist and be one the unit, e2e or user-runs
 * project runs (not the soak, which is not part of npm test).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DOC = join(ROOT, 'docs', 'reliability.md');
const IN_NPM_TEST = /^tests\/(unit\/.+\.test\.ts|e2e\/.+\.spec\.ts)$/;

function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---') && !line.startsWith('| fault or hostile input'))
    .map((line) => line.slice(2, -2).split(' | '));
}

test('every row of docs/reliability.md names a test of npm test that exists', () => {
  const rows = tableRows(readFileSync(DOC, 'utf8'));
  expect(rows.length).toBeGreaterThan(25);
  for (const cells of rows) {
    expect(cells, cells[0]).toHaveLength(3);
    const files = [...cells[2]!.matchAll(/`(tests\/[^`]+)`/g)].map((m) => m[1]!);
    expect(files.length, `row "${cells[0]}" names no test file`).toBeGreaterThan(0);
    for (const file of files) {
      expect(IN_NPM_TEST.test(file), `${file} (row "${cells[0]}") is not a test npm test runs`).toBe(true);
      expect(existsSync(join(ROOT, file)), `${file} (row "${cells[0]}") does not exist`).toBe(true);
    }
  }
});
