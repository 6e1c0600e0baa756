/**
 * clock-jump: the wall clock jumped during the run (harness 'clock-jump'). tMs is monotonic, so trends hold; the finding
 * explains wall-clock stamps of other tools that do not line up. Harness logs only.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import type { Audit } from './audit.ts';

export const clockJumpAudit: Audit = {
  id: 'clock-jump',
  title: 'The wall clock ran steadily',
  failureTitle: 'The wall clock jumped',
  requires: ['harness'],
  recommendation:
    "The machine's wall clock was stepped during the run (NTP, a suspended VM, a manual change): the trends are on a monotonic clock and hold; align other tools' logs by the jump given, or keep the clock disciplined (slew, not step) on soak machines.",
  judge: judgeClockJump,
};

function judgeClockJump(ctx: AnalysisContext): Check | null {
  const { header, clockJumps } = ctx.data;
  if (header.source !== 'harness') return null;
  const jump = clockJumps[0];
  const s = (ms: number) => formatNumber(ms / 1000);
  return makeCheck({
    id: 'clock-jump',
    level: 'warn',
    title: 'The wall clock jumped',
    expected: 0,
    actual: clockJumps.length,
    operator: '<=',
    unit: 'jumps',
    passed: jump === undefined,
    message:
      jump === undefined
        ? 'clock-jump: the wall clock ran steadily'
        : `clock-jump: the wall clock jumped ${jump.jumpMs > 0 ? '+' : '-'}${s(Math.abs(jump.jumpMs))} s at ${s(jump.tMs)} s (${clockJumps.length} jump(s)); tMs is monotonic, so the trends hold, but wall-clock stamps from other tools will not line up`,
    evidence: { jumps: clockJumps.length, firstJumpMs: jump?.jumpMs ?? null },
    window: jump === undefined ? null : { fromMs: jump.tMs, toMs: jump.tMs },
  });
}
