/**
 * client-protocol-errors: errors the server sent because the client misused the protocol (client-misuse-codes.ts),
 * per turn, against maxClientProtocolErrorsPerTurn. They are not server failures and do not count in `errors`; an
 * app that cancels on every speech start gets response_cancel_not_active about once a turn. The tap (rt) and the
 * app (monitor error records) see the same frames, so the larger of the two counts is used, never their sum.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { clientMisuseTally } from '../judge/client-misuse-tally.ts';
import { formatNumber, formatRate } from '../judge/format-number.ts';
import { quoteDetail } from '../judge/quote-detail.ts';
import type { Audit } from './audit.ts';

const CODES_SHOWN = 3;

export const clientProtocolErrorsAudit: Audit = {
  id: 'client-protocol-errors',
  title: 'The client used the realtime protocol correctly',
  failureTitle: 'Client misused the realtime protocol',
  requires: ['ws', 'monitor'],
  recommendation:
    'The client sends events the server rejects (e.g. response.cancel with no active response, response.create while one is active): track the active response from response.created to response.done and only cancel or create when the state allows it.',
  judge: judgeClientProtocolErrors,
};

function judgeClientProtocolErrors(ctx: AnalysisContext): Check | null {
  const tally = clientMisuseTally(ctx);
  const budget = ctx.thresholds.maxClientProtocolErrorsPerTurn;
  const turns = Math.max(ctx.data.turnStartsMs.length, ctx.turns.length, 1);
  const perTurn = tally.count / turns;
  const passed = perTurn <= budget;
  const codes = [...tally.codes].sort((a, b) => b[1] - a[1]);
  const shown =
    codes
      .slice(0, CODES_SHOWN)
      .map(([code, n]) => `${code} x${n}`)
      .join(', ') + (codes.length > CODES_SHOWN ? `, ${codes.length - CODES_SHOWN} more code(s)` : '');
  const rate = `${formatRate(perTurn)}/turn ${passed ? '<=' : '>'} ${formatRate(budget)}/turn over ${turns} turn(s)`;
  return makeCheck({
    id: 'client-protocol-errors',
    level: 'warn',
    title: 'Client misused the realtime protocol',
    expected: budget,
    actual: perTurn,
    operator: '<=',
    unit: 'errors/turn',
    passed,
    message:
      tally.count === 0
        ? `client-protocol-errors: no error the server sent because the client misused the protocol (${rate})`
        : `client-protocol-errors: ${tally.count} error(s) the server sent because the client misused the protocol (${shown}), ${rate}; not server failures${tally.firstMessage ? ` (first at ${formatNumber((tally.firstAtMs ?? 0) / 1000)} s: ${quoteDetail(tally.firstMessage)})` : ''}`,
    evidence: { clientProtocolErrors: tally.count, perTurn, turns, codes: codes.length, topCode: codes[0]?.[0] ?? null },
    window: tally.firstAtMs === null ? null : { fromMs: tally.firstAtMs, toMs: ctx.durationMs },
  });
}
