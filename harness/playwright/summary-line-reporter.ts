/**
 * Prints one plain closing line, "tests: N passed, N failed, N skipped", that CI systems can read
 * whatever the other reporters print. It only listens.
 */
import type { Reporter, TestCase, TestResult, FullResult } from '@playwright/test/reporter';

export default class SummaryLineReporter implements Reporter {
  private readonly outcomes = new Map<string, TestCase['outcome'] extends () => infer O ? O : never>();

  onTestEnd(test: TestCase, _result: TestResult): void {
    this.outcomes.set(test.id, test.outcome());
  }

  onEnd(_result: FullResult): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const outcome of this.outcomes.values()) {
      if (outcome === 'expected' || outcome === 'flaky') passed++;
      else if (outcome === 'skipped') skipped++;
      else failed++;
    }
    console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
