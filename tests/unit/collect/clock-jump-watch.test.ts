import { expect, test } from '@playwright/test';
import { harnessEventSchema } from '../../../harness/log/log-schema.ts';
import { createClockJumpWatch } from '../../../harness/collect/clock-jump-watch.ts';

test('a wall clock that jumps against the monotonic clock is one clock-jump record, forwards or back; drift within a second is not', () => {
  let mono = 0;
  let wall = 1_700_000_000_000;
  const watch = createClockJumpWatch(
    () => mono,
    () => wall,
  );
  const tick = (monoStep: number, wallStep: number) => {
    mono += monoStep;
    wall += wallStep;
    return watch.check();
  };
  expect(tick(1000, 1000)).toBeNull();
  expect(tick(1000, 1900)).toBeNull(); // 0.9 s of slew: not a jump
  const forward = tick(1000, 3_601_000)!;
  expect(harnessEventSchema.parse(forward)).toEqual({
    type: 'harness',
    tMs: 3000,
    kind: 'clock-jump',
    detail: 'the wall clock jumped +3600.0 s (tMs is monotonic and unaffected)',
    data: { jumpMs: 3_600_000 },
  });
  expect(tick(1000, 1000)).toBeNull(); // judged against the last check, not the start
  const back = tick(1000, -59_000)!;
  expect(back.data).toEqual({ jumpMs: -60_000 });
  expect(back.detail).toContain('jumped -60.0 s');
});
