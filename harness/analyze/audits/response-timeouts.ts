/**
 * response-timeouts: responses without audio within the seed's response timeout: late turns, turns never answered, and
 * the page's safeguard timeouts.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import type { Audit } from './audit.ts';

export const responseTimeoutsAudit: Audit = {
  id: 'response-timeouts',
  title: 'Every response started audio in time',
  failureTitle: 'Responses timed out',
  requires: ['turns'],
  recommendation: 'Responses timed out: mark them interrupted after the response timeout (seed safeguard: 10 s) and recover (cancel, resend, or reconnect).',
  judge: judgeResponseTimeouts,
};

function judgeResponseTimeouts(ctx: AnalysisContext): Check | null {
  const { data, thresholds, turns } = ctx;
  const timeoutMs = thresholds.responseTimeoutMs;
  const late = turns.filter((t) => t.ttfrMs > timeoutMs);
  const unanswered = data.turnMatcher.unanswered(ctx.durationMs, timeoutMs);
  const safeguard = data.safeguards['response-timeout']?.count ?? 0;
  const count = Math.max(late.length + unanswered.length, safeguard);
  const firstMs = Math.min(late[0]?.startMs ?? Infinity, unanswered[0]?.startMs ?? Infinity, data.safeguards['response-timeout']?.firstAtMs ?? Infinity);
  return makeCheck({
    id: 'response-timeouts',
    level: 'error',
    title: 'Responses timed out',
    expected: 0,
    actual: count,
    operator: '<=',
    unit: 'responses',
    passed: count === 0,
    message:
      count === 0
        ? `response-timeouts: every response started audio within ${formatNumber(timeoutMs)} ms`
        : `response-timeouts: ${count} response(s) without audio within ${formatNumber(timeoutMs)} ms (${late.length} late, ${unanswered.length} never answered, ${safeguard} safeguard timeouts)`,
    evidence: { late: late.length, unanswered: unanswered.length, safeguardTimeouts: safeguard, timeoutMs },
    window: Number.isFinite(firstMs) ? { fromMs: firstMs, toMs: firstMs + timeoutMs } : null,
  });
}
