import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { settingsEnvSchema } from '../../../harness/config/settings-schema.ts';
import { settingsFromEnv } from '../../../harness/config/settings.ts';

const lines = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8').split('\n');
const assignments = new Map(lines.filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

test('.env.example lists every setting, each with a comment above it', () => {
  for (const name of Object.keys(settingsEnvSchema.shape)) {
    expect(assignments.has(name), `${name} missing from .env.example`).toBe(true);
    const index = lines.findIndex((l) => l.startsWith(`${name}=`));
    expect(lines[index - 1]?.startsWith('#'), `${name} has no comment`).toBe(true);
  }
});

test('.env.example values are the defaults and parse as they are', () => {
  const fromExample = settingsFromEnv(Object.fromEntries(assignments));
  expect(fromExample).toEqual(settingsFromEnv({}));
});

test('.env.example shows every SOAK_THRESHOLD_* variable with its default, and each parses as it is', async () => {
  const { THRESHOLD_ENV_VARS, thresholdsFromEnv } = await import('../../../harness/thresholds/threshold-env-vars.ts');
  const { PLAIN_DEFAULT_THRESHOLDS } = await import('../../../harness/thresholds/default-thresholds.ts');
  const shown = new Map(
    lines
      .map((l) => /^# (SOAK_THRESHOLD_[A-Z0-9_]+)=(\S+)/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
  expect([...shown.keys()].sort()).toEqual(THRESHOLD_ENV_VARS.map((v) => v.envVar).sort());
  const fromExample = thresholdsFromEnv(Object.fromEntries(shown));
  const { adaptive, ...flat } = fromExample;
  const { adaptive: defaultAdaptive, ...defaultFlat } = PLAIN_DEFAULT_THRESHOLDS;
  expect(flat).toEqual(defaultFlat);
  expect(adaptive).toEqual(defaultAdaptive);
});
