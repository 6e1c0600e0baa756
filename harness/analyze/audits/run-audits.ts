/**
 * Runs every audit in report order and gives each failed check its audit's recommendation (or the no-data
 * recommendation the audit declares for the id it returned).
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { DEFAULT_RECOMMENDATION, type Check } from '../judge/check.ts';
import type { Audit } from './audit.ts';
import { AUDITS } from './audit-list.ts';

export function runAudits(ctx: AnalysisContext, audits: readonly Audit[] = AUDITS): Check[] {
  const checks: Check[] = [];
  for (const audit of audits) {
    const check = audit.judge(ctx);
    if (check === null) continue;
    if (check.issue === null) checks.push(check);
    else checks.push({ ...check, issue: { ...check.issue, recommendation: recommendationFor(audit, check.issue.id) } });
  }
  return checks;
}

function recommendationFor(audit: Audit, id: string): string {
  if (id === audit.id) return audit.recommendation;
  return audit.noData?.[id] ?? DEFAULT_RECOMMENDATION;
}
