/**
 * run-complete: did the soak run its script to the end? The harness ends every run it finishes with a 'run-end'
 * record whose detail starts with its reason: 'completed', or what cut it short ('test interrupted', 'test
 * timedOut', 'failed: ...', 'page unresponsive since ...', 'failed to start: ...'). A log with no run-end was cut
 * off (the process was killed, the machine lost power). A cut-short run is never a pass: the finding says
 * "partial: <what happened> at <time>", and the rest of the report is what was seen until then.
 * Harness logs only (the page's Download Logs has no run-end); a run-end without a detail (older and synthetic logs)
 * counts as completed.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import type { Audit } from './audit.ts';

export const runCompleteAudit: Audit = {
  id: 'run-complete',
  title: 'The run finished its script',
  failureTitle: 'The run did not finish',
  requires: ['harness'],
  recommendation:
    'The soak did not run to its end, so its trends cover only part of the conversation: see what cut it short (interrupted, timed out, crashed, page hung) and run it again; a partial run never counts as a pass.',
  judge: judgeRunComplete,
};

function judgeRunComplete(ctx: AnalysisContext): Check | null {
  const { header, runEnd } = ctx.data;
  if (header.source !== 'harness') return null;
  const reason = runEnd === null ? null : (runEnd.detail ?? 'completed').split(';')[0]!.trim();
  const completed = reason === 'completed';
  const atMs = runEnd?.tMs ?? ctx.durationMs;
  const what = runEnd === null ? "the log ends without the harness's run-end record (the run was killed or lost its process)" : reason;
  return makeCheck({
    id: 'run-complete',
    level: 'error',
    title: 'The run did not finish',
    expected: 'completed',
    actual: completed ? 'completed' : 'partial',
    operator: '==',
    unit: '',
    passed: completed,
    message: completed
      ? 'run-complete: the run finished its script'
      : `run-complete: partial: ${what} at ${formatNumber(atMs / 1000)} s; the report covers what was seen until then`,
    evidence: { reason: reason ?? 'no run-end', atMs },
    window: completed ? null : { fromMs: atMs, toMs: atMs },
  });
}
