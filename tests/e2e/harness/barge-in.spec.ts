import { join } from 'node:path';
import { expect, test } from './embedded-target-fixtures.ts';
import { E2E_RUNS_DIR, readRunLog } from './read-run-log.ts';

test.describe.configure({ timeout: 60_000 });
// Full-length replies (1.5-12 s) so there is a reply to talk over.
test.use({
  serverReplyScale: 1,
  startSelector: '#start',
  micMode: 'controllable',
  faults: '',
  redirectWs: [],
  sampleIntervalMs: 1000,
  soakDurationMs: 25_000,
  soakRunOptions: { outputDir: E2E_RUNS_DIR, embedded: true, scriptPath: join(import.meta.dirname, 'barge-in-script.json') },
});

test('controllable mic: speaking over a reply interrupts it', async ({ soak }) => {
  await soak.runConversation();
  const { records } = readRunLog(soak.logPath);
  const ends = records.filter((r) => r.type === 'harness' && r.kind === 'turn-end').map((r) => JSON.parse((r as { detail: string }).detail));
  expect(ends[0]).toMatchObject({ outcome: 'barge-in' });
  const state = await soak.page.evaluate(() =>
    (window as unknown as { voiceApp: { state(): { interruptions: number; responsesCancelled: number } } }).voiceApp.state(),
  );
  expect(state.interruptions + state.responsesCancelled).toBeGreaterThanOrEqual(1);
  expect(ends.slice(1).some((e) => e.outcome === 'reply')).toBe(true);
});
