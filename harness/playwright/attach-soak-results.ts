/**
 * The soak spec's last two steps: attach every file of a finished run (testInfo.attach with a path, the
 * documented API), then fail the test with each failed error-level assertion listed, so a breached soak shows
 * as failed in the HTML and Allure reports with its sentences.
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
