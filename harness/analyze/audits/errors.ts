/**
 * errors: app errors, protocol errors and crashes against maxErrors. Errors the server sent because the client misused
 * the protocol are not errors here (client-protocol-errors judges them).
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { clientMisuseTally } from '../judge/client-misuse-tally.ts';
import { formatNumber } from '../judge/format-number.ts';
import { totalErrors } from '../judge/total-errors.ts';
import type { Audit } from './audit.ts';

export const errorsAudit: Audit = {
  id: 'errors',
  title: 'No errors over budget',
  failureTitle: 'Errors during the run',
  requires: ['monitor', 'ws'],
  recommendation:
    'Errors occurred: read the first error in the log and fix its cause; a server_error means the server failed, an app error names its source (client misuse of the protocol is counted apart, under client-protocol-errors).',
  judge: judgeErrors,
};

function judgeErrors(ctx: AnalysisContext): Check | null {
  const { data, thresholds } = ctx;
  const errorCount = totalErrors(ctx);
  return makeCheck({
    id: 'errors',
    level: 'error',
    title: 'Errors during the run',
    expected: thresholds.maxErrors,
    actual: errorCount,
    operator: '<=',
    unit: 'errors',
    passed: errorCount <= thresholds.maxErrors,
    message: `errors: ${errorCount} error(s) ${errorCount <= thresholds.maxErrors ? '<=' : '>'} ${thresholds.maxErrors}${data.errors.firstMessage ? ` (first at ${formatNumber((data.errors.firstAtMs ?? 0) / 1000)} s: ${data.errors.firstMessage.slice(0, 120)})` : ''}`,
    evidence: {
      monitorErrors: data.errors.monitor,
      protocolErrors: data.errors.protocol,
      crashes: data.crashes.count,
      clientProtocolErrors: clientMisuseTally(ctx).count,
    },
    window: data.errors.firstAtMs === null ? null : { fromMs: data.errors.firstAtMs, toMs: data.errors.firstAtMs },
  });
}
