/**
 * A two-minute soak through the soak fixtures against SOAK_E2E_TARGET_URL, writing under SOAK_E2E_OUTPUT_DIR;
 * interrupted-runs.spec.ts stops it half-way with SIGINT. Not a *.spec.ts: only the child config runs it.
 */
import { test } from '../../../../fixtures/soak-fixtures.ts';

test.use({
  targetUrl: process.env.SOAK_E2E_TARGET_URL!,
  startSelector: '#start',
  micMode: 'controllable',
  faults: '',
  redirectWs: [],
  sampleIntervalMs: 500,
  soakDurationMs: 120_000,
  soakRunOptions: { outputDir: process.env.SOAK_E2E_OUTPUT_DIR!, embedded: true },
});

test('interruptible soak', async ({ soak }) => {
  await soak.runConversation();
  await soak.finish();
});
