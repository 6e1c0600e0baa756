import { expect, test } from './embedded-target-fixtures.ts';
import { E2E_RUNS_DIR, readRunLog } from './read-run-log.ts';

test.describe.configure({ timeout: 75_000 });
test.use({ startSelector: '#start', micMode: 'controllable', faults: '', redirectWs: [], sampleIntervalMs: 1000 });

test.describe('a short soak against the embedded target', () => {
  test.use({ soakDurationMs: 30_000, soakRunOptions: { outputDir: E2E_RUNS_DIR, embedded: true } });

  test('streams a cdp sample every second, turns with time to first response, all records valid', async ({ soak }) => {
    await soak.runConversation();
    const { header, records } = readRunLog(soak.logPath);
    expect(header).toMatchObject({ source: 'harness', target: { kind: 'embedded' } });
    const cdp = records.filter((r) => r.type === 'cdp' && !r.afterGc).map((r) => r.tMs);
    expect(cdp.length).toBeGreaterThanOrEqual(28);
    const gaps = cdp.slice(1).map((t, i) => t - cdp[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1_500);
    expect(records.filter((r) => r.type === 'cdp' && r.afterGc).length).toBeGreaterThanOrEqual(2);

    const ends = records.filter((r) => r.type === 'harness' && r.kind === 'turn-end');
    expect(ends.length).toBeGreaterThanOrEqual(2);
    const outcomes = ends.map((r) => JSON.parse((r as { detail: string }).detail).outcome);
    expect(outcomes.filter((o) => o === 'reply' || o === 'barge-in').length).toBeGreaterThanOrEqual(2);

    // Time to first response: rt first-audio after each speech-stopped, from the in-page monitor, on the harness clock.
    const rt = records.filter((r) => r.type === 'rt');
    const stops = rt.filter((r) => r.kind === 'speech-stopped');
    const ttfrMs = stops.map((s) => rt.find((r) => r.kind === 'first-audio' && r.tMs >= s.tMs)).map((f, i) => (f ? f.tMs - stops[i]!.tMs : NaN));
    expect(ttfrMs.filter((ms) => ms >= 0 && ms < 5_000).length).toBeGreaterThanOrEqual(2);
    const turnStarts = records.filter((r) => r.type === 'harness' && r.kind === 'turn-start').map((r) => r.tMs);
    expect(stops[0]!.tMs).toBeGreaterThan(turnStarts[0]!); // rebased: the monitor's events land after the harness's turn start
    expect(records.some((r) => r.type === 'ws' && r.readyState === 1 && r.framesSent > 10)).toBe(true);
  });
});
