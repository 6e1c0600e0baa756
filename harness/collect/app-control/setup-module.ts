/**
 * SOAK_SETUP=./my-setup.ts: a module whose default export (or `setup` export) runs after the page has loaded and
 * before SOAK_START_STEPS / SOAK_START_SELECTOR, for what data cannot say: a login, a consent banner, a token.
 *
 *   import type { SoakSetup } from 'voice-soak/fixtures';   // or '../fixtures/soak-fixtures.ts' in this repo
 *   const setup: SoakSetup = async ({ page, settings }) => {
 *     await page.getByLabel('Endpoint').fill(settings.realtimeUrl ?? '');
 *   };
 *   export default setup;
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { resolveSetupPath } from '../../config/resolve-setup-path.ts';

/** What a setup module is handed: the page, and the run's resolved settings. */
export interface SoakSetupContext {
  page: Page;
  settings: {
    targetUrl: string;
    /** The realtime server this run uses (ws://...), when the harness started or probed one. */
    realtimeUrl: string | undefined;
    /** The same server as http://... (for forms that ask for an "endpoint"). */
    realtimeHttpUrl: string | undefined;
    apiKey: string | undefined;
    /** The environment (.env included), for the module's own variables. */
    env: Readonly<Record<string, string | undefined>>;
  };
}

export type SoakSetup = (context: SoakSetupContext) => Promise<void> | void;

export class SetupModuleError extends Error {
  readonly exitCode = 78;
}

export async function loadSetupModule(path: string, cwd = process.cwd()): Promise<SoakSetup> {
  const file = resolveSetupPath(path, cwd);
  if (!existsSync(file)) throw new SetupModuleError(`SOAK_SETUP: ${path}: no such file`);
  let mod: { default?: unknown; setup?: unknown };
  try {
    mod = (await import(pathToFileURL(file).href)) as typeof mod;
  } catch (error) {
    throw new SetupModuleError(`SOAK_SETUP: ${path}: could not be loaded: ${((error as Error).message ?? String(error)).split('\n')[0]}`);
  }
  const fn = typeof mod.default === 'function' ? mod.default : typeof mod.setup === 'function' ? mod.setup : undefined;
  if (!fn) throw new SetupModuleError(`SOAK_SETUP: ${path}: expected a default export (or an export named setup) that is a function`);
  return fn as SoakSetup;
}
