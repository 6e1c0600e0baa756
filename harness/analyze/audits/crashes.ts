/**
 * crashes: the page crashed (any crash fails).
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import type { Audit } from './audit.ts';

export const crashesAudit: Audit = {
  id: 'crashes',
  title: 'The page did not crash',
  failureTitle: 'Page crashed',
  requires: ['harness'],
  recommendation: 'The page crashed: check memory just before the crash and the browser log; a crash ends the soak early, so later findings are incomplete.',
  judge: judgeCrashes,
};

function judgeCrashes(ctx: AnalysisContext): Check | null {
  const { data } = ctx;
  return makeCheck({
    id: 'crashes',
    level: 'error',
    title: 'Page crashed',
    expected: 0,
    actual: data.crashes.count,
    operator: '<=',
    unit: 'crashes',
    passed: data.crashes.count === 0,
    message:
      data.crashes.count === 0
        ? 'crashes: none'
        : `crashes: the page crashed ${data.crashes.count} time(s), first at ${formatNumber((data.crashes.firstAtMs ?? 0) / 1000)} s${data.crashes.detail ? ` (${data.crashes.detail})` : ''}`,
    evidence: { crashes: data.crashes.count },
    window: data.crashes.firstAtMs === null ? null : { fromMs: data.crashes.firstAtMs, toMs: ctx.durationMs },
  });
}
