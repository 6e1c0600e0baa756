/**
 * interruptions: unplanned interruptions (timeouts, cleanups) against maxUnplannedInterruptions.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import type { Audit } from './audit.ts';

export const interruptionsAudit: Audit = {
  id: 'interruptions',
  title: 'Unplanned interruptions within budget',
  failureTitle: 'Unplanned interruptions',
  requires: ['monitor'],
  recommendation: 'Unplanned interruptions (timeouts, cleanups): find which safeguard fired and why; each one cut a reply short.',
  judge: judgeInterruptions,
};

function judgeInterruptions(ctx: AnalysisContext): Check | null {
  const { data, thresholds } = ctx;
  const unplanned = data.interruptions.unplanned;
  return makeCheck({
    id: 'interruptions',
    level: 'warn',
    title: 'Unplanned interruptions',
    expected: thresholds.maxUnplannedInterruptions,
    actual: unplanned,
    operator: '<=',
    unit: 'interruptions',
    passed: unplanned <= thresholds.maxUnplannedInterruptions,
    message: `interruptions: ${unplanned} unplanned interruption(s) ${unplanned <= thresholds.maxUnplannedInterruptions ? '<=' : '>'} ${thresholds.maxUnplannedInterruptions} (${data.interruptions.total} in all; reasons: ${[...data.interruptions.reasons].map(([r, n]) => `${r} ${n}`).join(', ') || 'none'})`,
    evidence: { unplanned, total: data.interruptions.total, cancelledResponses: data.interruptions.cancelledResponses },
  });
}
