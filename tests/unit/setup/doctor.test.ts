/**
 * `voice-soak doctor` looks without --fix and installs only with it; the soak fixture's preflight names that command.
 * A fake machine stands in for the file system and apt-get, so nothing is installed here.
 */
import { expect, test } from '@playwright/test';
import { runDoctor, type DoctorEnvironment } from '../../../harness/setup/doctor.ts';
import { soakPreflightProblem } from '../../../harness/setup/soak-preflight.ts';
import { run as doctorCommand } from '../../../harness/cli/doctor-command.ts';

function fakeMachine(over: Partial<DoctorEnvironment> & { installs?: string[] } = {}): DoctorEnvironment & { installs: string[] } {
  const installs: string[] = over.installs ?? [];
  return {
    env: {},
    platform: 'linux',
    findChromium: () => null,
    findXvfb: () => null,
    installChromium: () => {
      installs.push('chromium');
      return '/usr/bin/chromium';
    },
    installXvfb: () => {
      installs.push('xvfb');
      return false;
    },
    ...over,
    installs,
  };
}

test('without --fix nothing is installed, and each missing piece names the command', () => {
  const machine = fakeMachine();
  const checks = runDoctor({ fix: false }, machine);
  expect(machine.installs).toEqual([]);
  expect(checks.map((c) => [c.name, c.ok])).toEqual([
    ['chromium', false],
    ['xvfb', false],
  ]);
  for (const check of checks) expect(check.detail).toContain('npx voice-soak doctor --fix');
});

test('--fix installs what is missing and says what it could not', () => {
  const machine = fakeMachine();
  const checks = runDoctor({ fix: true }, machine);
  expect(machine.installs).toEqual(['chromium', 'xvfb']);
  expect(checks[0]).toEqual({ name: 'chromium', ok: true, detail: '/usr/bin/chromium (installed)', path: '/usr/bin/chromium' });
  expect(checks[1]!.ok).toBe(false);
  expect(checks[1]!.detail).toContain('apt-get needs root');
});

test('a found Chromium and a DISPLAY need nothing; a wrong CHROMIUM_PATH is never papered over by an install', () => {
  const ok = fakeMachine({ env: { DISPLAY: ':9' }, findChromium: () => '/opt/chrome' });
  expect(runDoctor({ fix: true }, ok).map((c) => c.ok)).toEqual([true, true]);
  expect(ok.installs).toEqual([]);
  const wrong = fakeMachine({ env: { CHROMIUM_PATH: '/nope', DISPLAY: ':9' } });
  const [chromium] = runDoctor({ fix: true }, wrong);
  expect(wrong.installs).toEqual([]);
  expect(chromium!.detail).toBe('CHROMIUM_PATH: no such file "/nope" (fix it, or unset it and run `npx voice-soak doctor --fix`)');
  expect(runDoctor({ fix: false }, fakeMachine({ platform: 'darwin', findChromium: () => '/c' })).map((c) => c.ok)).toEqual([true, true]);
});

test('the command exits 0 when all is there, 69 when something is missing, and refuses unknown arguments', () => {
  const lines: string[] = [];
  const log = console.log;
  console.log = (line: string) => lines.push(line);
  try {
    expect(doctorCommand([], fakeMachine({ env: { DISPLAY: ':1' }, findChromium: () => '/c' }))).toBe(0);
    expect(doctorCommand([], fakeMachine())).toBe(69);
  } finally {
    console.log = log;
  }
  expect(lines[0]).toBe('voice-soak doctor: ok      chromium /c');
  expect(lines[3]).toMatch(/^voice-soak doctor: missing xvfb {5}headed runs need an X server/);
  expect(() => doctorCommand(['--fx'], fakeMachine())).toThrow('unknown argument "--fx" (usage: voice-soak doctor [--fix])');
});

test('the soak preflight: a missing browser or display is one line naming doctor --fix; an installed Xvfb is enough', () => {
  const base = { executablePath: '/c', configured: true, headless: false, env: {}, platform: 'linux' as const };
  expect(soakPreflightProblem({ ...base, exists: () => false })).toBe(
    'no Chromium at launchOptions.executablePath "/c": run `npx voice-soak doctor --fix` (or set CHROMIUM_PATH to a Chromium)',
  );
  expect(soakPreflightProblem({ ...base, configured: false, exists: () => false })).toContain("Playwright's Chromium (/c)");
  expect(soakPreflightProblem({ ...base, exists: () => true, findXvfb: () => null })).toContain(
    'DISPLAY is unset and Xvfb is missing: run `npx voice-soak doctor --fix`',
  );
  expect(soakPreflightProblem({ ...base, exists: () => true, findXvfb: () => '/usr/bin/Xvfb' })).toBeNull();
  expect(soakPreflightProblem({ ...base, headless: true, exists: () => true, findXvfb: () => null })).toBeNull();
  expect(soakPreflightProblem({ ...base, env: { DISPLAY: ':0' }, exists: () => true, findXvfb: () => null })).toBeNull();
});
