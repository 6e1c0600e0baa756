/**
 * Every setting is validated at start (exit 78, one line naming the setting and what is allowed): bounded durations,
 * SOAK_THRESHOLD_* values and names, SOAK_FAULTS names. That the Playwright config exits with them is an e2e test
 * (tests/e2e/config/playwright-config-bad-setting.spec.ts: it spawns the config).
 */
import { test, expect } from '@playwright/test';
import { settingsFromEnv } from '../../../harness/config/settings.ts';
import { SettingsError } from '../../../harness/config/settings-error.ts';
import { FAULT_NAMES } from '../../../harness/config/fault-names.ts';

function settingsError(env: Record<string, string>): SettingsError {
  try {
    settingsFromEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).exitCode).toBe(78);
    return error as SettingsError;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be rejected`);
}

test('SOAK_DURATION is at most 24h; SOAK_SAMPLE_INTERVAL is from 100ms to 60s', () => {
  expect(settingsError({ SOAK_DURATION: '25h' }).message).toBe('SOAK_DURATION: expected a duration from 1ms to 24h, got "25h"');
  expect(settingsError({ SOAK_DURATION: '100000h' }).message).toMatch(/^SOAK_DURATION: expected a duration from 1ms to 24h/);
  expect(settingsFromEnv({ SOAK_DURATION: '24h' }).durationMs).toBe(86_400_000);
  expect(settingsError({ SOAK_SAMPLE_INTERVAL: '10ms' }).message).toBe('SOAK_SAMPLE_INTERVAL: expected a duration from 100ms to 60s, got "10ms"');
  expect(settingsError({ SOAK_SAMPLE_INTERVAL: '2m' }).message).toBe('SOAK_SAMPLE_INTERVAL: expected a duration from 100ms to 60s, got "2m"');
  expect(settingsFromEnv({ SOAK_SAMPLE_INTERVAL: '100ms' }).sampleIntervalMs).toBe(100);
  expect(settingsFromEnv({ SOAK_SAMPLE_INTERVAL: '60s' }).sampleIntervalMs).toBe(60_000);
});

test('a bad SOAK_THRESHOLD_* value or an unknown SOAK_THRESHOLD_* name is a settings error at load', () => {
  expect(settingsError({ SOAK_THRESHOLD_MAX_HEAP_MB: 'lots' }).message).toBe('SOAK_THRESHOLD_MAX_HEAP_MB: expected a positive number, got "lots"');
  expect(settingsError({ SOAK_THRESHOLD_CONFIDENCE: '2' }).message).toBe(
    'SOAK_THRESHOLD_CONFIDENCE: expected a number between 0.5 and 1 (exclusive), e.g. 0.95, got "2"',
  );
  const typo = settingsError({ SOAK_THRESHOLD_MAX_HEAP: '300' });
  expect(typo.message).toMatch(
    /^SOAK_THRESHOLD_MAX_HEAP: unknown threshold setting \(expected one of: SOAK_THRESHOLD_MAX_PENDING_AUDIO_CHUNKS, .*SOAK_THRESHOLD_MAX_HEAP_MB, .*\)$/,
  );
  const two = settingsError({ SOAK_THRESHOLD_MAX_ERRORS: '-1', SOAK_THRESHOLD_WARMUP_MS: 'soon' });
  expect(two.problems).toEqual([
    'SOAK_THRESHOLD_MAX_ERRORS: expected an integer >= 0, got "-1"',
    'SOAK_THRESHOLD_WARMUP_MS: expected a number >= 0, got "soon"',
  ]);
  expect(settingsFromEnv({ SOAK_THRESHOLD_MAX_HEAP_MB: '300', SOAK_THRESHOLD_ADAPTIVE: 'true' }).thresholdEnv).toEqual({
    SOAK_THRESHOLD_MAX_HEAP_MB: '300',
    SOAK_THRESHOLD_ADAPTIVE: 'true',
  });
});

test('unknown SOAK_FAULTS names are a settings error naming the allowed ones; known names with values pass', () => {
  expect(settingsError({ SOAK_FAULTS: 'heap-leak=2,heap-leek' }).message).toBe(
    `SOAK_FAULTS: unknown fault "heap-leek" (expected NAME[=VALUE],... with NAME one of: ${FAULT_NAMES.join(', ')}), got "heap-leak=2,heap-leek"`,
  );
  expect(settingsError({ SOAK_FAULTS: 'constructor, =3' }).message).toMatch(/^SOAK_FAULTS: unknown fault "constructor", "" /);
  expect(settingsFromEnv({ SOAK_FAULTS: ' heap-leak=2 , stall:3,audio-backlog,' }).faults).toBe(' heap-leak=2 , stall:3,audio-backlog,');
});
