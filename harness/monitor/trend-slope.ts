/**
 * Theil-Sen slope of [tMs, value] points, per minute: harness/analyze's theilSen over at most maxPoints points
 * (evenSubsample), so one call costs at most maxPoints^2 / 2 divisions (7,200 for the default 120). Pure.
 * Null below 3 points or over zero time.
 */
import { evenSubsample } from '../analyze/stats/even-subsample.ts';
import { theilSen } from '../analyze/stats/theil-sen.ts';

export type Point = readonly [tMs: number, value: number];

export function theilSenSlopePerMin(points: readonly Point[], maxPoints = 120): number | null {
  if (points.length < 3) return null;
  const used = evenSubsample(points.length, maxPoints).map((i) => points[i]!);
  if (used.every((p) => p[0] === used[0]![0])) return null;
  return theilSen(used.map((p) => p[0]), used.map((p) => p[1])).slope * 60_000;
}
