/**
 * The two last steps of a soak attempt: attach every file of the finished run (testInfo.attach with a path, the
 * documented API; soak-attempt.ts does it), then fail the test with each failed error-level assertion listed (the
 * spec after soak.finish(), or the fixture's teardown), so a breached soak shows as failed in the HTML and Allure
 * reports with its sentences.
 */
import { expect, type TestInfo } from '@playwright/test';
import type { SoakRunResult } from '../render/soak-run-result.ts';

export async function attachSoakResults(testInfo: TestInfo, result: Pick<SoakRunResult, 'files'>): Promise<void> {
  for (const file of result.files) await testInfo.attach(file.name, { path: file.path, contentType: file.contentType });
}

export function expectSoakPassed(result: Pick<SoakRunResult, 'failures'>): void {
  const list = result.failures.map((m) => `  - ${m}`).join('\n');
  expect(result.failures, `soak budgets breached:\n${list}`).toEqual([]);
}
