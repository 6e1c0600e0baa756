/**
 * The soak: a scripted conversation (7 minutes by default, SOAK_DURATION scales it) with the fake microphone against
 * the voice app under test (the embedded reference app unless SOAK_TARGET_URL says otherwise), sampling memory and
 * WebSocket state over CDP every second into one JSONL log. At the end the analyzer runs once over the log, the
 * reports are attached, and every breached error-level budget fails the test with its sentence.
 *
 *   npm run soak
 *   npx playwright test tests/memory-monitor.spec.ts --project=chromium --headed --timeout=600000
 */
import { test } from '../fixtures/soak-fixtures.ts';
import { expectSoakPassed } from '../harness/playwright/attach-soak-results.ts';

test('a long conversation stays responsive and does not leak', async ({ soak }) => {
  await soak.runConversation();
  const result = await soak.finish();
  expectSoakPassed(result);
});
