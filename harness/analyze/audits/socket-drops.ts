/**
 * socket-drops: page sockets that closed during the run (harness 'ws-closed', from CDP) when the script did not plan it:
 * no planned reconnect and no conversation hang-up (a `cycle` record) within PLANNED_WINDOW_MS. A dropped realtime
 * socket is where a user's conversation ends mid-sentence; the app may reconnect, but it lost what was in flight.
 * Harness logs only.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import type { Audit } from './audit.ts';

/** A close this near a planned reconnect or a hang-up is the plan's own. */
export const PLANNED_WINDOW_MS = 5_000;

export const socketDropsAudit: Audit = {
  id: 'socket-drops',
  title: 'No socket dropped',
  failureTitle: 'Sockets dropped during the run',
  requires: ['harness'],
  recommendation:
    "A socket closed mid-conversation without the script asking: check the server's close code and the network; make the app reconnect, resend what was in flight and replay the context, and tell the user.",
  judge: judgeSocketDrops,
};

function judgeSocketDrops(ctx: AnalysisContext): Check | null {
  const { header, socketCloses, plannedReconnectsMs, cycles, runEnd } = ctx.data;
  if (header.source !== 'harness') return null;
  const planned = [...plannedReconnectsMs, ...cycles.filter((c) => c.cycle > 0).map((c) => c.tMs)];
  const endMs = runEnd?.tMs ?? Number.POSITIVE_INFINITY;
  const drops = socketCloses.filter((c) => c.tMs < endMs && !planned.some((p) => Math.abs(p - c.tMs) <= PLANNED_WINDOW_MS));
  const first = drops[0];
  return makeCheck({
    id: 'socket-drops',
    level: 'warn',
    title: 'Sockets dropped during the run',
    expected: 0,
    actual: drops.length,
    operator: '<=',
    unit: 'drops',
    passed: drops.length === 0,
    message:
      first === undefined
        ? `socket-drops: no socket closed unplanned (${socketCloses.length} close(s) in all)`
        : `socket-drops: ${drops.length} socket close(s) the script did not plan, first at ${formatNumber(first.tMs / 1000)} s (${first.url.slice(0, 200)})`,
    evidence: { unplanned: drops.length, closes: socketCloses.length, firstAtMs: first?.tMs ?? null },
    window: first === undefined ? null : { fromMs: first.tMs, toMs: drops.at(-1)!.tMs },
  });
}
