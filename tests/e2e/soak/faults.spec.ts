/**
 * End-to-end: short soaks (headless, controllable mic) against the embedded target, one per fault. Each faulty run
 * must fail with the matching issue id among its error-level failed assertions; the clean run must pass.
 * The fault goes in through the `faults` option (SOAK_FAULTS), which the harness puts on the embedded app's URL.
 */
import { describeFindings, expect, failedErrorIds, test } from './soak-fault-fixtures.ts';

interface FaultCase {
  fault: string;
  expectedId: string;
  /** Text the matching finding's message must contain. */
  messageIncludes?: string;
  /** A warn-level finding the fault must raise too. */
  alsoWarns?: string;
  durationMs: number;
}

/** Severities well above each detection floor; durations as short as each fault needs to show. */
const FAULT_CASES: FaultCase[] = [
  // 60 MB/min retained: the post-GC floor rises ~30 MB over the run (budget 1 MB/min); 5+ post-GC lows after warm-up.
  { fault: 'heap-leak:60', expectedId: 'heap-growth', durationMs: 30_000 },
  // The playback queue is never drained: pending chunks only grow.
  { fault: 'audio-backlog', expectedId: 'audio-backlog', durationMs: 20_000 },
  // The server stops reading: the mic's sends go unanswered (bufferedAmount stays 0 until the OS buffers fill).
  { fault: 'ws-backpressure', expectedId: 'ws-backpressure', durationMs: 20_000 },
  // +800 ms time to first audio per turn: TTFR trend far over 100 ms/min. 40 s: the trend needs 5 turns after warm-up,
  // and a 30 s run on loaded CI cores got 5 in all (4 after warm-up: "too few turns", a warning only).
  { fault: 'ttfr-growth:800', expectedId: 'ttfr-growth', durationMs: 40_000 },
  // The 2nd reply stops half-way: the app's 10 s response timeout fires.
  { fault: 'stall:2', expectedId: 'response-timeouts', durationMs: 25_000 },
  // The first audio handler blocks 5.5 s (> the 5 s event processing timeout), the others 300 ms.
  { fault: 'slow-handler:300', expectedId: 'slow-event-processing', durationMs: 25_000 },
  // An injected server error on every turn.
  { fault: 'protocol-errors:1', expectedId: 'errors', durationMs: 15_000 },
  // The server kills the TCP socket after 10 s: the app sees close 1006 (an error) and reconnects.
  { fault: 'drop-connection:10', expectedId: 'errors', messageIncludes: '1006', alsoWarns: 'socket-drops', durationMs: 20_000 },
];

test.describe.configure({ timeout: 75_000 });

test.describe('clean run', () => {
  test.use({ soakDurationMs: 30_000, faults: '' });
  test('passes with no error-level failure', async ({ soak }) => {
    await soak.runConversation();
    const result = await soak.finish();
    console.log(`clean:\n${describeFindings(result)}`);
    expect(failedErrorIds(result.report), describeFindings(result)).toEqual([]);
    expect(result.failures).toEqual([]);
    // The sampling heap profiler (on by default) ran, and no allocation site grew above its noise floor.
    const sites = result.report.heapSites;
    expect(sites?.checkpoints, 'heap profile checkpoints after warm-up').toBeGreaterThanOrEqual(3);
    expect(sites?.sites.filter((s) => s.aboveFloor).map((s) => s.text)).toEqual([]);
  });
});

for (const { fault, expectedId, messageIncludes, alsoWarns, durationMs } of FAULT_CASES) {
  test.describe(`fault ${fault}`, () => {
    test.use({ soakDurationMs: durationMs, faults: fault });
    test(`fails with ${expectedId}`, async ({ soak }) => {
      await soak.runConversation();
      const result = await soak.finish();
      console.log(`${fault}:\n${describeFindings(result)}`);
      expect(result.report.faults).toEqual([fault]);
      expect(failedErrorIds(result.report), describeFindings(result)).toContain(expectedId);
      const finding = result.report.issues.find((i) => i.id === expectedId && i.level === 'error');
      expect(result.failures.some((f) => f === finding?.message)).toBe(true);
      if (messageIncludes) expect(finding?.message).toContain(messageIncludes);
      if (alsoWarns)
        expect(
          result.report.issues.map((issue) => issue.id),
          describeFindings(result),
        ).toContain(alsoWarns);
    });
  });
}
