/**
 * A bad setting stops the Playwright config itself (exit 78, one "voice-soak: <message>" line), before any test runs.
 * It spawns `playwright test --list`, so it lives with the e2e tests; the validation rules are unit-tested in
 * tests/unit/config/settings-validation.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';

test('the Playwright config exits 78 with one "voice-soak: <message>" line on a bad setting', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const result = spawnSync(
    process.execPath,
    ['node_modules/@playwright/test/cli.js', 'test', '--list', '--project=unit', 'tests/unit/config/env-example.test.ts'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SOAK_FAULTS: 'no-such-fault', SOAK_DEBUG: '' },
      timeout: 60_000,
    },
  );
  expect(result.status, result.stdout + result.stderr).toBe(78);
  expect(result.stderr).toMatch(
    /^voice-soak: SOAK_FAULTS: unknown fault "no-such-fault" \(expected NAME\[=VALUE\],\.\.\. with NAME one of: heap-leak, .*\), got "no-such-fault"$/m,
  );
});
