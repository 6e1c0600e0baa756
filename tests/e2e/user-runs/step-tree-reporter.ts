/**
 * A reporter for tests of the Playwright report's shape: writes each test's full step tree (title and category of
 * every step, harness API calls included, which the JSON reporter leaves out) and its attachment names, in order,
 * to the file STEP_TREE_FILE names.
 */
import { writeFileSync } from 'node:fs';
import type { Reporter, TestCase, TestResult, TestStep } from '@playwright/test/reporter';

export interface StepNode {
  title: string;
  category: string;
  steps: StepNode[];
}

export interface TestTree {
  title: string;
  status: string;
  steps: StepNode[];
  attachments: string[];
}

const tree = (steps: TestStep[]): StepNode[] => steps.map((s) => ({ title: s.title, category: s.category, steps: tree(s.steps) }));

export default class StepTreeReporter implements Reporter {
  private readonly tests: TestTree[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    this.tests.push({ title: test.title, status: result.status, steps: tree(result.steps), attachments: result.attachments.map((a) => a.name) });
  }

  onEnd(): void {
    const file = process.env.STEP_TREE_FILE;
    if (!file) throw new Error('step-tree-reporter: set STEP_TREE_FILE to the file to write');
    writeFileSync(file, JSON.stringify(this.tests));
  }

  printsToStdio(): boolean {
    return false;
  }
}
