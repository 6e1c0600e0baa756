/**
 * A check is one budget judged: it always yields an assertion, and an issue when it failed.
 * Detectors return checks; the analyzer collects assertions and issues from them.
 */
import type { Assertion, Issue } from './report/report-schema.ts';
import { RECOMMENDATIONS } from './recommendations.ts';

export interface Check {
  assertion: Assertion;
  issue: Issue | null;
}

export interface CheckInput extends Omit<Assertion, 'message'> {
  title: string;
  message: string;
  evidence?: Issue['evidence'];
  window?: Issue['window'];
}

export function makeCheck(input: CheckInput): Check {
  const { title, evidence = {}, window = null, ...assertion } = input;
  return {
    assertion,
    issue: assertion.passed
      ? null
      : {
          id: assertion.id,
          level: assertion.level,
          title,
          message: assertion.message,
          evidence,
          window,
          recommendation: RECOMMENDATIONS[assertion.id] ?? 'See the log around the reported window.',
        },
  };
}

/** A missing input: never a pass. */
export function noDataCheck(id: string, level: Assertion['level'], title: string, message: string): Check {
  return makeCheck({ id, level, title, expected: 'data', actual: null, operator: 'present', passed: false, message: `${id}: ${message}` });
}
