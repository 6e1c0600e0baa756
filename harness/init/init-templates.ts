/**
 * The files `voice-soak init` writes into a Playwright project: the example soak spec, the .env.example entries
 * and the nightly GitHub workflow. Each setting's default here is the one .env.example documents (a unit test
 * compares them), so a user's copy never disagrees with the settings schema.
 */

/** The example spec: one scripted conversation, judged by every budget; `*.soak.ts`, so only the soak project runs it. */
export function exampleSpec(): string {
  return `/**
 * A voice-soak soak test: a scripted conversation with a fake microphone (SOAK_DURATION long), sampling memory and
 * WebSocket state every second; at the end the log is analyzed and every breached budget fails the test with its
 * sentence. Run it with: npx playwright test --project=soak
 * Settings (the target, the duration, faults) come from .env / SOAK_* variables (see .env.example) or test.use().
 */
import { expectSoakPassed, test } from 'voice-soak/fixtures';

test('a long conversation stays responsive and does not leak', async ({ soak }) => {
  await soak.runConversation();
  expectSoakPassed(await soak.finish());
});
`;
}

/** One setting for .env.example: its comment and `NAME=default`. */
export interface EnvEntry {
  name: string;
  value: string;
  comment: string;
}

export const ENV_ENTRIES: readonly EnvEntry[] = [
  { name: 'SOAK_DURATION', value: '7m', comment: 'How long the scripted conversation lasts (7m, 90s, 1h30m).' },
  { name: 'SOAK_HEADLESS', value: '0', comment: '1 runs the soak headless; headed by default (an Xvfb is started when DISPLAY is unset).' },
  { name: 'SOAK_TARGET_URL', value: '', comment: 'Your voice app; empty = the embedded reference app that soakServer() starts on SOAK_PORT.' },
  { name: 'SOAK_START_SELECTOR', value: '', comment: 'What to click to start a conversation (#start on the embedded app).' },
  { name: 'SOAK_STOP_SELECTOR', value: '', comment: 'What to click to hang up between conversations; empty: the page is reloaded.' },
  {
    name: 'SOAK_REDIRECT_WS',
    value: '',
    comment: 'Comma-separated WebSocket URL patterns sent to the embedded realtime server, e.g. wss://api.openai.com/v1/realtime*',
  },
  { name: 'SOAK_PORT', value: '8787', comment: 'Port of the embedded target (bound to 127.0.0.1).' },
  { name: 'SOAK_FAULTS', value: '', comment: 'Faults injected into the embedded target, e.g. heap-leak (proves the budgets catch a leak).' },
  { name: 'SOAK_OUTPUT_DIR', value: 'soak-runs', comment: "Where each run's JSONL log and reports go, and soak-summary.json." },
  { name: 'SOAK_BASELINE', value: '', comment: 'A previous soak-summary.json (or report or log): significant regressions fail the run.' },
  { name: 'SOAK_HISTORY_FILE', value: 'soak-runs/soak-history.json', comment: 'Per-metric history across nightly runs.' },
];

/** The entries a .env.example does not have yet (by name, commented out or not), as text to append; '' when none. */
export function missingEnvEntries(existing: string): { text: string; names: string[] } {
  const present = new Set([...existing.matchAll(/^[#\s]*([A-Z][A-Z0-9_]*)\s*=/gm)].map((m) => m[1]));
  const missing = ENV_ENTRIES.filter((entry) => !present.has(entry.name));
  if (missing.length === 0) return { text: '', names: [] };
  const lines = missing.flatMap((entry) => [`# ${entry.comment}`, `${entry.name}=${entry.value}`]);
  const header = '# --- voice-soak (every setting: https://www.npmjs.com/package/voice-soak, "Settings") ---';
  return {
    text: `${existing && !existing.endsWith('\n') ? '\n' : ''}${existing ? '\n' : ''}${header}\n${lines.join('\n')}\n`,
    names: missing.map((e) => e.name),
  };
}

/** A nightly GitHub Actions workflow that runs only the soak project, headed under Xvfb, and keeps the history. */
export function nightlyWorkflow(): string {
  return `# Nightly voice-soak run (written by \`npx voice-soak init\`): the soak project, headed under Xvfb. The soak reporter
# prints a summary, writes soak-runs/soak-summary.{json,md}, appends it to the job summary, compares with the last
# passing night (SOAK_BASELINE) and extends the history (SOAK_HISTORY_FILE), kept between nights with actions/cache.
name: voice-soak-nightly

on:
  schedule:
    - cron: '17 3 * * *'
  workflow_dispatch:
    inputs:
      duration:
        description: 'Soak duration (SOAK_DURATION), e.g. 7m or 20m'
        required: false
        default: '7m'

permissions:
  contents: read

jobs:
  soak:
    runs-on: ubuntu-latest
    timeout-minutes: 45
    env:
      CI: 'true'
      SOAK_DURATION: \${{ inputs.duration || '7m' }}
      SOAK_HISTORY_FILE: soak-state/soak-history.json
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - name: Install Chromium and its system dependencies (xvfb included)
        run: npx playwright install --with-deps chromium
      - name: Check the machine
        run: npx voice-soak doctor
      - name: Restore soak history and baseline
        uses: actions/cache/restore@v4
        with:
          path: soak-state
          key: soak-state-\${{ github.run_id }}
          restore-keys: |
            soak-state-
      - name: Use the last passing night as the baseline
        run: |
          if [ -f soak-state/baseline/soak-summary.json ]; then
            echo "SOAK_BASELINE=soak-state/baseline/soak-summary.json" >> "$GITHUB_ENV"
          fi
      - name: Soak
        run: xvfb-run -a npx playwright test --project=soak
      - name: Keep this night as the next baseline
        if: success()
        run: |
          rm -rf soak-state/baseline && mkdir -p soak-state/baseline
          cp soak-runs/soak-summary.json soak-state/baseline/ && cp -r soak-runs/reports soak-state/baseline/
      - name: Save soak history and baseline
        if: always()
        uses: actions/cache/save@v4
        with:
          path: soak-state
          key: soak-state-\${{ github.run_id }}
      - name: Upload reports
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: voice-soak-\${{ github.run_id }}
          path: |
            playwright-report
            soak-runs
            test-results
          retention-days: 30
`;
}
