/**
 * client-protocol-errors: errors the server sent because the client misused the protocol (client-misuse-codes.ts),
 * per turn, against maxClientProtocolErrorsPerTurn. They are not server failures and do not count in `errors`; an
 * app that cancels on every speech start gets response_cancel_not_active about once a turn. The tap (rt) and the
 * app (monitor error records) see the same frames, so the larger of the two counts is used, never their sum.
 */
import type { AnalysisContext } from './analysis-context.ts';
import { makeCheck, type Check } from './check.ts';
import type { MisuseTally } from './collected-data.ts';
import { formatNumber, formatRate } from './format-number.ts';
import { quoteDetail } from './quote-detail.ts';

const CODES_SHOWN = 3;

export function clientMisuseTally(ctx: AnalysisContext): MisuseTally {
  const { rt, monitor } = ctx.data.clientMisuse;
  return monitor.count > rt.count ? monitor : rt;
}

export function detectClientProtocolErrors(ctx: AnalysisContext): Check[] {
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
  return [
    makeCheck({
      id: 'client-protocol-errors',
      level: 'warn',
      title: 'Client misused the realtime protocol',
      expected: budget,
      actual: perTurn,
      operator: '<=',
      passed,
      message:
        tally.count === 0
          ? `client-protocol-errors: no error the server sent because the client misused the protocol (${rate})`
          : `client-protocol-errors: ${tally.count} error(s) the server sent because the client misused the protocol (${shown}), ${rate}; not server failures${tally.firstMessage ? ` (first at ${formatNumber((tally.firstAtMs ?? 0) / 1000)} s: ${quoteDetail(tally.firstMessage)})` : ''}`,
      evidence: { clientProtocolErrors: tally.count, perTurn, turns, codes: codes.length, topCode: codes[0]?.[0] ?? null },
      window: tally.firstAtMs === null ? null : { fromMs: tally.firstAtMs, toMs: ctx.durationMs },
    }),
  ];
}
