/**
 * Which renderer process is the page's? Several renderers run (one per site, extensions, a spare), and no CDP call
 * names the page's pid, so the page burns a known amount of main-thread CPU and the renderer whose CPU time
 * (SystemInfo.getProcessInfo) moved by about that much, and clearly more than any other, is the page's. With an idle
 * window of the same length measured just before (`idle`), each renderer's own background use is subtracted first,
 * so another busy page (a second context, an animation) does not tie with the burning one. Pure.
 */
import type { CdpProcessInfo } from './read-cdp-sample.ts';

export type RendererPick = { pid: number } | { reason: string };

/** At least this share of the burn must show in the winner's CPU time, and it must be this many times the runner-up. */
const MIN_SHARE_OF_BURN = 0.3;
const MIN_LEAD_FACTOR = 3;

function cpuDeltas(before: readonly CdpProcessInfo[], after: readonly CdpProcessInfo[]): Map<number, number> {
  const cpuBefore = new Map(before.filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime]));
  return new Map(after.filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime - (cpuBefore.get(p.id) ?? p.cpuTime)]));
}

export function pickRendererPid(
  before: readonly CdpProcessInfo[],
  after: readonly CdpProcessInfo[],
  burnS: number,
  idle?: { before: readonly CdpProcessInfo[]; after: readonly CdpProcessInfo[] },
): RendererPick {
  const renderersAfter = after.filter((p) => p.type === 'renderer');
  if (renderersAfter.length === 0) return { reason: 'SystemInfo.getProcessInfo listed no renderer process' };
  const background = idle ? cpuDeltas(idle.before, idle.after) : new Map<number, number>();
  const moved = [...cpuDeltas(before, after)]
    .map(([pid, deltaS]) => ({ pid, deltaS: deltaS - Math.max(0, background.get(pid) ?? 0) }))
    .sort((a, b) => b.deltaS - a.deltaS);
  const [best, second] = moved;
  if (!best || best.deltaS < burnS * MIN_SHARE_OF_BURN) {
    return {
      reason: `no renderer's CPU time moved with the page (most: ${((best?.deltaS ?? 0) * 1000).toFixed(0)} ms of a ${(burnS * 1000).toFixed(0)} ms burn)`,
    };
  }
  if (second && second.deltaS * MIN_LEAD_FACTOR > best.deltaS) {
    return {
      reason: `two renderers moved together (pid ${best.pid}: ${(best.deltaS * 1000).toFixed(0)} ms, pid ${second.pid}: ${(second.deltaS * 1000).toFixed(0)} ms)`,
    };
  }
  return { pid: best.pid };
}
