/** SOAK_START_STEPS, SOAK_PUSH_TO_TALK, SOAK_SETUP, SOAK_REALTIME_PORT: parsed once at load, one line per mistake. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadSetupModule } from '../../../harness/collect/app-control/setup-module.ts';
import { resolveStepValue, stepVariables } from '../../../harness/collect/app-control/resolve-step-value.ts';
import { parseStartSteps } from '../../../harness/config/start-steps.ts';
import { settingsFromEnv } from '../../../harness/config/settings.ts';

test('a start sequence parses into steps, with escaped semicolons and ${NAME} values', () => {
  const steps = parseStartSteps(
    'fill #endpoint=${SOAK_REALTIME_HTTP_URL}; fill #note=a\\;b ;click #connect; wait #start:enabled; press Enter; sleep 500ms; select #voice=marin; check #agree; goto http://127.0.0.1:3000/app',
  );
  expect(steps).toEqual([
    { action: 'fill', selector: '#endpoint', value: '${SOAK_REALTIME_HTTP_URL}' },
    { action: 'fill', selector: '#note', value: 'a;b' },
    { action: 'click', selector: '#connect' },
    { action: 'wait', selector: '#start:enabled' },
    { action: 'press', key: 'Enter' },
    { action: 'sleep', ms: 500 },
    { action: 'select', selector: '#voice', value: 'marin' },
    { action: 'check', selector: '#agree' },
    { action: 'goto', url: 'http://127.0.0.1:3000/app' },
  ]);
  expect(stepVariables('${A}-${B_2}')).toEqual(['A', 'B_2']);
  expect(resolveStepValue('${A}/x', { A: 'y' })).toBe('y/x');
  expect(() => resolveStepValue('${MISSING}', {})).toThrow('${MISSING} is not set');
});

test('a bad start step is one line naming the setting, the step and the rule', () => {
  expect(() => settingsFromEnv({ SOAK_START_STEPS: 'click #a; clik #b' })).toThrow(
    'SOAK_START_STEPS: step 2 "clik #b": unknown action "clik" (expected one of: click, fill, select, check, press, wait, goto, sleep)',
  );
  expect(() => settingsFromEnv({ SOAK_START_STEPS: 'fill #key' })).toThrow('SOAK_START_STEPS: step 1 "fill #key": fill needs SELECTOR=VALUE');
  expect(() => settingsFromEnv({ SOAK_START_STEPS: 'sleep soon' })).toThrow('SOAK_START_STEPS: step 1 "sleep soon": expected a duration like 500ms or 2s');
  expect(() => settingsFromEnv({ SOAK_START_STEPS: 'click' })).toThrow('SOAK_START_STEPS: step 1 "click": click needs a selector');
});

test('push-to-talk takes a selector or key:NAME', () => {
  expect(settingsFromEnv({ SOAK_PUSH_TO_TALK: '#hold' }).pushToTalk).toEqual({ kind: 'selector', selector: '#hold' });
  expect(settingsFromEnv({ SOAK_PUSH_TO_TALK: 'key:Space' }).pushToTalk).toEqual({ kind: 'key', key: 'Space' });
  expect(() => settingsFromEnv({ SOAK_PUSH_TO_TALK: 'key:' })).toThrow('SOAK_PUSH_TO_TALK: expected key:NAME (e.g. key:Space) or a CSS selector, got "key:"');
});

test('the realtime port and reply scale are checked; loopback-only is a flag', () => {
  const s = settingsFromEnv({ SOAK_REALTIME_PORT: '8081', SOAK_REPLY_SCALE: '0.25', SOAK_LOOPBACK_ONLY: '1' });
  expect([s.realtimePort, s.replyScale, s.loopbackOnly]).toEqual([8081, 0.25, true]);
  expect(() => settingsFromEnv({ SOAK_REALTIME_PORT: '80810' })).toThrow('SOAK_REALTIME_PORT: expected a TCP port from 1 to 65535, got "80810"');
  expect(() => settingsFromEnv({ SOAK_REPLY_SCALE: '0' })).toThrow('SOAK_REPLY_SCALE: expected a number in (0, 10], got "0"');
});

test('a setup module must exist and export a function', async () => {
  expect(() => settingsFromEnv({ SOAK_SETUP: './no-such-setup.ts' })).toThrow(/^SOAK_SETUP: \.\/no-such-setup\.ts: no such file/);
  const dir = mkdtempSync(join(tmpdir(), 'voice-soak-setup-'));
  writeFileSync(join(dir, 'good.mjs'), 'export default async ({ page }) => { page.touched = true; };\n');
  writeFileSync(join(dir, 'named.mjs'), 'export async function setup() {}\n');
  writeFileSync(join(dir, 'bad.mjs'), 'export const value = 1;\n');
  expect(settingsFromEnv({ SOAK_SETUP: join(dir, 'good.mjs') }).setupPath).toBe(join(dir, 'good.mjs'));
  const page = {} as { touched?: boolean };
  await (await loadSetupModule(join(dir, 'good.mjs')))({ page: page as never, settings: {} as never });
  expect(page.touched).toBe(true);
  expect(typeof (await loadSetupModule(join(dir, 'named.mjs')))).toBe('function');
  await expect(loadSetupModule(join(dir, 'bad.mjs'))).rejects.toThrow(
    `SOAK_SETUP: ${join(dir, 'bad.mjs')}: expected a default export (or an export named setup) that is a function`,
  );
});
