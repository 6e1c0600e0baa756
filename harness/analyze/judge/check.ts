/**
 * A check is one budget judged: it always yields an assertion, and an issue when it failed.
 * Audits return checks; the audit runner adds the audit's recommendation to the issue (DEFAULT_RECOMMENDATION until then).
 */
import type { Assertion, Issue } from '../report/report-schema.ts';

/** The recommendation of a finding no audit gives one for. */
export const DEFAULT_RECOMMENDATION = 'See the log around the reported window.';

export interface Check {
  assertion: Assertion;
  issue: Issue | null;
}

export interface CheckInput extends Omit<Assertion, 'message' | 'unit'> {
  /** Unit of the numeric actual and expected (see assertionSchema.unit); every check states it, '' for none. */
  unit: string;
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
          recommendation: DEFAULT_RECOMMENDATION,
        },
  };
}

/** A missing input: never a pass. */
export function noDataCheck(id: string, level: Assertion['level'], title: string, message: string): Check {
  return makeCheck({ id, level, title, expected: 'data', actual: null, operator: 'present', passed: false, unit: '', message: `${id}: ${message}` });
}
