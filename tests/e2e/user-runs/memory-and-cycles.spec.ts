/**
 * Memory the JS heap does not show, and leaks per conversation, through the user's path (the soak spec, the main
 * config, the embedded reference app, SOAK_* settings only): 40 s soaks (the clean one 60 s) with 4 conversation cycles (the app's Stop
 * and Start buttons), the short-turns script, an 8 s warm-up.
 *  - the clean app passes buffer-growth and cycle-leak (process-memory-growth at most warns over a short run), and
 *    its samples carry the numbers;
 *  - retain-audio (decoded Float32Array chunks, its default 1 MB/min) fails buffer-growth, and leak-audiocontext
 *    (one AudioContext per start/stop) fails cycle-leak, in one run;
 *  - retain-audiobuffers (filled AudioBuffers) fails buffer-growth or process-memory-growth.
 */
import { expect, test } from '@playwright/test';
import type { CdpSample, CycleRecord } from '../../../harness/log/log-schema.ts';
import { freePort } from './free-port.ts';
import { assertionOf as assertion, failedErrorIds, runUserSoak, type UserSoak } from './run-user-soak.ts';
import { useScratchDirs } from './scratch-dir.ts';

const MEMORY_CHECKS = ['buffer-growth', 'process-memory-growth', 'cycle-leak'];
const scratchDir = useScratchDirs();

async function soak(variant: string, faults: string, duration = '40s'): Promise<UserSoak> {
  const dir = scratchDir(`memory-${variant}`);
  return runUserSoak(dir, { SOAK_FAULTS: faults, SOAK_PORT: String(await freePort()), SOAK_DURATION: duration, SOAK_CYCLES: '4' }, 240_000);
}

/** The memory findings of a run, for the test's output (the measured rates). */
const logMemoryFindings = (name: string, run: UserSoak) =>
  console.log(`${name}:\n${MEMORY_CHECKS.map((id) => `  ${assertion(run, id)?.message ?? `${id}: (none)`}`).join('\n')}`);
const cycles = (run: UserSoak) => run.records.filter((r): r is CycleRecord => r.type === 'cycle');

test('the clean reference app passes buffer-growth and cycle-leak over 4 start/stop cycles, process-memory-growth never errs', async () => {
  test.setTimeout(300_000);
  const run = await soak('clean', '');
  logMemoryFindings('clean', run);
  for (const id of ['buffer-growth', 'cycle-leak']) expect(assertion(run, id), `${id}\n${run.explain}`).toMatchObject({ passed: true, level: 'error' });
  // A fresh renderer's RSS still settles in its first minute (8.5 MB/min over 40 s alone, 11.6 beside two other soaks
  // on CI's 2 cores, against the 10 MB/min budget): over a trend this short process-memory-growth may warn, never err.
  // It warns either way the growth rule has: not confidently over (10.1 MB/min in one CI run, its interval reaching
  // under the budget) or confidently over but spanning under 2 min ("a warning only").
  const rss = assertion(run, 'process-memory-growth')!;
  expect(rss.passed || rss.level === 'warn', `${rss.message}\n${run.explain}`).toBe(true);
  expect(run.code, run.explain).toBe(0);
  const samples = run.records.filter((r): r is CdpSample => r.type === 'cdp');
  // A sample whose Runtime.getHeapUsage missed its deadline (CI's loaded cores) carries the JS heap only.
  expect(samples.filter((s) => s.backingStorageBytes !== undefined && s.embedderHeapBytes !== undefined).length, run.explain).toBeGreaterThan(
    samples.length * 0.9,
  );
  expect(samples.filter((s) => s.rendererRssBytes !== undefined).length, run.explain).toBeGreaterThan(samples.length * 0.9);
  expect(samples.filter((s) => s.live !== undefined).length).toBeGreaterThan(samples.length * 0.8);
  const hungUp = cycles(run).filter((c) => c.cycle > 0);
  expect(
    hungUp.map((c) => c.hungUpBy),
    run.explain,
  ).toEqual(['stop-selector', 'stop-selector', 'stop-selector', 'stop-selector']);
  // After each Stop the app has closed its context, stopped its track and closed its socket.
  expect(hungUp.map((c) => c.live)).toEqual(hungUp.map(() => ({ audioContexts: 0, mediaStreamTracks: 0, peerConnections: 0, webSockets: 0 })));
  // While talking, the live counts see the app's context, mic track and socket.
  expect(samples.some((s) => s.live && s.live.audioContexts >= 1 && s.live.mediaStreamTracks >= 1 && s.live.webSockets >= 1)).toBe(true);
});

test('retained Float32Array chunks (1 MB/min) fail buffer-growth and a leaked AudioContext per start/stop fails cycle-leak', async () => {
  test.setTimeout(300_000);
  const run = await soak('leaks', 'retain-audio,leak-audiocontext');
  logMemoryFindings('leaks', run);
  const failed = failedErrorIds(run.report);
  expect(failed, run.explain).toContain('buffer-growth');
  expect(failed, run.explain).toContain('cycle-leak');
  expect(failed, run.explain).not.toContain('heap-growth'); // the JS heap does not see backing stores
  const slope = assertion(run, 'buffer-growth')!.actual as number;
  expect(slope, run.explain).toBeGreaterThan(0.6);
  expect(slope, run.explain).toBeLessThan(1.6);
  expect(
    cycles(run)
      .filter((c) => c.cycle > 0)
      .map((c) => c.live?.audioContexts),
    run.explain,
  ).toEqual([1, 2, 3, 4]);
  expect(run.report!.issues.find((i) => i.id === 'cycle-leak')!.message).toMatch(/^cycle-leak: AudioContexts \+1(\.0)? per cycle \(1 -> 4,/);
  expect(run.code).toBe(1);
});

test('retained AudioBuffers fail buffer-growth or process-memory-growth', async () => {
  test.setTimeout(300_000);
  const run = await soak('audiobuffers', 'retain-audiobuffers');
  logMemoryFindings('audiobuffers', run);
  const failed = failedErrorIds(run.report);
  expect(failed.filter((id) => id === 'buffer-growth' || id === 'process-memory-growth').length, run.explain).toBeGreaterThan(0);
  expect(run.code).toBe(1);
});
