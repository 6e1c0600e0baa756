/**
 * Events of the run that are not a metric:
 *  - socket-drops: page sockets that closed during the run (harness 'ws-closed', from CDP) when the script did not
 *    plan it: no planned reconnect and no conversation hang-up (a `cycle` record) within PLANNED_WINDOW_MS. A
 *    dropped realtime socket is where a user's conversation ends mid-sentence; the app may reconnect, but it lost
 *    what was in flight.
 *  - clock-jump: the wall clock jumped during the run (harness 'clock-jump'). tMs is monotonic, so trends hold; the
 *    finding explains wall-clock stamps of other tools that do not line up.
 * Harness logs only (a page log has neither record).
 */
import type { AnalysisContext } from './analysis-context.ts';
import { makeCheck, type Check } from './check.ts';
import { formatNumber } from './format-number.ts';

/** A close this near a planned reconnect or a hang-up is the plan's own. */
export const PLANNED_WINDOW_MS = 5_000;

const s = (ms: number) => formatNumber(ms / 1000);

export function detectRunEvents(ctx: AnalysisContext): Check[] {
  const { header, socketCloses, plannedReconnectsMs, cycles, clockJumps, runEnd } = ctx.data;
  if (header.source !== 'harness') return [];
  const planned = [...plannedReconnectsMs, ...cycles.filter((c) => c.cycle > 0).map((c) => c.tMs)];
  const endMs = runEnd?.tMs ?? Number.POSITIVE_INFINITY;
  const drops = socketCloses.filter((c) => c.tMs < endMs && !planned.some((p) => Math.abs(p - c.tMs) <= PLANNED_WINDOW_MS));
  const first = drops[0];
  const jump = clockJumps[0];
  return [
    makeCheck({
      id: 'socket-drops',
      level: 'warn',
      title: 'Sockets dropped during the run',
      expected: 0,
      actual: drops.length,
      operator: '<=',
      passed: drops.length === 0,
      message:
        first === undefined
          ? `socket-drops: no socket closed unplanned (${socketCloses.length} close(s) in all)`
          : `socket-drops: ${drops.length} socket close(s) the script did not plan, first at ${s(first.tMs)} s (${first.url.slice(0, 200)})`,
      evidence: { unplanned: drops.length, closes: socketCloses.length, firstAtMs: first?.tMs ?? null },
      window: first === undefined ? null : { fromMs: first.tMs, toMs: drops.at(-1)!.tMs },
    }),
    makeCheck({
      id: 'clock-jump',
      level: 'warn',
      title: 'The wall clock jumped',
      expected: 0,
      actual: clockJumps.length,
      operator: '<=',
      passed: jump === undefined,
      message:
        jump === undefined
          ? 'clock-jump: the wall clock ran steadily'
          : `clock-jump: the wall clock jumped ${jump.jumpMs > 0 ? '+' : '-'}${s(Math.abs(jump.jumpMs))} s at ${s(jump.tMs)} s (${clockJumps.length} jump(s)); tMs is monotonic, so the trends hold, but wall-clock stamps from other tools will not line up`,
      evidence: { jumps: clockJumps.length, firstJumpMs: jump?.jumpMs ?? null },
      window: jump === undefined ? null : { fromMs: jump.tMs, toMs: jump.tMs },
    }),
  ];
}
