import { test, expect } from '@playwright/test';
import { settingsFromEnv } from '../../../harness/config/settings.ts';
import { parseDuration } from '../../../harness/config/parse-duration.ts';

test('durations parse in ms, s, m, h and combinations', () => {
  expect(parseDuration('7m')).toBe(420_000);
  expect(parseDuration('90s')).toBe(90_000);
  expect(parseDuration('1h30m')).toBe(5_400_000);
  expect(parseDuration('1500ms')).toBe(1_500);
  expect(parseDuration('7 minutes')).toBeNull();
  expect(parseDuration('0s')).toBeNull();
  expect(parseDuration('')).toBeNull();
});

test('defaults point at the embedded target for 7 minutes', () => {
  const s = settingsFromEnv({});
  expect(s.durationMs).toBe(420_000);
  expect(s.embedded).toBe(true);
  expect(s.targetUrl).toBe('http://127.0.0.1:8787/?dialect=ga');
  expect(s.startSelector).toBe('#start');
  expect(s.realtimeUrl).toBeUndefined(); // the embedded target's own server, or one the harness starts
  expect(s.startSteps).toEqual([]);
  expect(s.loopbackOnly).toBe(false);
  expect(s.micMode).toBe('controllable');
  expect(s.sampleIntervalMs).toBe(1_000);
  expect(s.headless).toBe(false);
});

test('a mistake is one readable line naming the setting and the bad value', () => {
  expect(() => settingsFromEnv({ SOAK_DURATION: '7 minutes' })).toThrow('SOAK_DURATION: expected a duration like 7m or 90s, got "7 minutes"');
  expect(() => settingsFromEnv({ SOAK_PORT: '99999' })).toThrow('SOAK_PORT: expected a TCP port from 1 to 65535, got "99999"');
  expect(() => settingsFromEnv({ SOAK_MIC_MODE: 'loud' })).toThrow(/SOAK_MIC_MODE: .*"loud"/);
});

test('an external target is not embedded and keeps its own start selector', () => {
  const s = settingsFromEnv({
    SOAK_TARGET_URL: 'http://127.0.0.1:3000/',
    SOAK_REDIRECT_WS: 'wss://api.openai.com/v1/realtime*, wss://example.test/*',
    SOAK_THRESHOLD_MAX_HEAP_MB: '300',
  });
  expect(s.embedded).toBe(false);
  expect(s.startSelector).toBeUndefined();
  expect(s.redirectWs).toEqual(['wss://api.openai.com/v1/realtime*', 'wss://example.test/*']);
  expect(s.thresholdEnv).toEqual({ SOAK_THRESHOLD_MAX_HEAP_MB: '300' });
});

test('empty values count as unset', () => {
  expect(settingsFromEnv({ SOAK_DURATION: '', SOAK_TARGET_URL: '' }).durationMs).toBe(420_000);
});
