/**
 * Notices the wall clock jumping during a run (an NTP step, a suspended VM or laptop, a manual change): at each
 * check, the wall clock's advance since the last check is compared with the monotonic clock's (the harness clock,
 * which tMs uses). A difference over toleranceMs is a jump, returned as a `clock-jump` harness record. The time axis
 * is unaffected (tMs is monotonic); the record explains a gap or an oddity in wall-clock stamps of other tools.
 */
import type { HarnessEvent } from '../log/log-schema.ts';

export interface ClockJumpWatch {
  /** Call once per sample; returns the record to write when the wall clock jumped since the last call. */
  check(): HarnessEvent | null;
}

export function createClockJumpWatch(monotonicMs: () => number, wallMs: () => number = Date.now, toleranceMs = 1_000): ClockJumpWatch {
  let lastMono = monotonicMs();
  let lastWall = wallMs();
  return {
    check() {
      const mono = monotonicMs();
      const wall = wallMs();
      const jumpMs = wall - lastWall - (mono - lastMono);
      lastMono = mono;
      lastWall = wall;
      if (Math.abs(jumpMs) <= toleranceMs) return null;
      const signed = `${jumpMs > 0 ? '+' : '-'}${(Math.abs(jumpMs) / 1000).toFixed(1)} s`;
      return {
        type: 'harness',
        tMs: mono,
        kind: 'clock-jump',
        detail: `the wall clock jumped ${signed} (tMs is monotonic and unaffected)`,
        data: { jumpMs: Math.round(jumpMs) },
      };
    },
  };
}
