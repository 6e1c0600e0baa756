/**
 * `voice-soak init`: adds voice-soak to an existing Playwright project without overwriting anything. It plans
 * every change first (so a config it cannot edit stops it before any file is written), then writes:
 *  - playwright.config.*: the soak project, the reporter and `voice-soak serve` as a webServer (edit-playwright-config.ts);
 *  - soak/voice-soak.soak.ts (the example spec), created only when absent;
 *  - .env.example: the voice-soak settings it lacks, appended;
 *  - .github/workflows/voice-soak-nightly.yml, created only when absent.
 * Returns one line per file: created, updated (with what) or kept (and why).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { addSoakToConfig } from './edit-playwright-config.ts';
import { InitError } from './init-error.ts';
import { exampleSpec, missingEnvEntries, nightlyWorkflow } from './init-templates.ts';

export const CONFIG_NAMES = [
  'playwright.config.ts',
  'playwright.config.mts',
  'playwright.config.cts',
  'playwright.config.js',
  'playwright.config.mjs',
  'playwright.config.cjs',
];
export const SPEC_PATH = 'soak/voice-soak.soak.ts';
export const WORKFLOW_PATH = '.github/workflows/voice-soak-nightly.yml';

export interface InitChange {
  path: string;
  action: 'created' | 'updated' | 'kept';
  detail: string;
}

interface PlannedWrite {
  path: string;
  text: string;
}

export function initProject(dir: string, options: { dryRun?: boolean } = {}): InitChange[] {
  if (!existsSync(dir)) throw new InitError(`--dir: no such folder "${dir}"`, 66);
  const configName = CONFIG_NAMES.find((name) => existsSync(join(dir, name)));
  if (!configName)
    throw new InitError(
      `${dir}: no playwright.config.{ts,js,mjs,cjs,mts,cts} here: run init in a Playwright project (npm init playwright@latest makes one)`,
      66,
    );
  const changes: InitChange[] = [];
  const writes: PlannedWrite[] = [];

  const config = readFileSync(join(dir, configName), 'utf8');
  const edit = addSoakToConfig(config, configName);
  if (edit.changes.length) {
    writes.push({ path: configName, text: edit.text });
    changes.push({ path: configName, action: 'updated', detail: edit.changes.join('; ') });
  } else changes.push({ path: configName, action: 'kept', detail: 'it imports voice-soak/config already' });

  if (existsSync(join(dir, SPEC_PATH))) changes.push({ path: SPEC_PATH, action: 'kept', detail: 'exists' });
  else {
    writes.push({ path: SPEC_PATH, text: exampleSpec() });
    changes.push({ path: SPEC_PATH, action: 'created', detail: 'the example soak spec (npx playwright test --project=soak)' });
  }

  const envPath = '.env.example';
  const envText = existsSync(join(dir, envPath)) ? readFileSync(join(dir, envPath), 'utf8') : '';
  const env = missingEnvEntries(envText);
  if (env.names.length === 0) changes.push({ path: envPath, action: 'kept', detail: 'it lists the voice-soak settings already' });
  else {
    writes.push({ path: envPath, text: envText + env.text });
    changes.push({ path: envPath, action: envText ? 'updated' : 'created', detail: `added ${env.names.join(', ')}` });
  }

  if (existsSync(join(dir, WORKFLOW_PATH))) changes.push({ path: WORKFLOW_PATH, action: 'kept', detail: 'exists' });
  else {
    writes.push({ path: WORKFLOW_PATH, text: nightlyWorkflow() });
    changes.push({ path: WORKFLOW_PATH, action: 'created', detail: 'the nightly soak on GitHub Actions' });
  }

  if (!options.dryRun) {
    for (const write of writes) {
      mkdirSync(dirname(join(dir, write.path)), { recursive: true });
      writeFileSync(join(dir, write.path), write.text);
    }
  }
  return changes;
}
