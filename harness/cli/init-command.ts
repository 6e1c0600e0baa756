/**
 * `voice-soak init [--dir DIR] [--dry-run]`: adds voice-soak to the Playwright project in DIR (default: here),
 * overwriting nothing, and prints one line per file it created, updated or kept, then the next commands.
 * Exit 0; 64 bad usage; 66 no such folder or no playwright.config; 65 a config it cannot edit (nothing written).
 */
import { parseArgs } from 'node:util';
import { initProject } from '../init/init-project.ts';
import { UsageError } from './cli-errors.ts';

const USAGE = 'usage: voice-soak init [--dir DIR] [--dry-run]';

export function run(args: string[]): number {
  let values: { dir?: string; 'dry-run'?: boolean };
  try {
    ({ values } = parseArgs({ args, options: { dir: { type: 'string' }, 'dry-run': { type: 'boolean' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (${USAGE})`);
  }
  const dryRun = values['dry-run'] === true;
  const changes = initProject(values.dir ?? '.', { dryRun });
  const verb = dryRun ? 'would be ' : '';
  for (const change of changes) console.log(`voice-soak init: ${change.path.padEnd(42)} ${verb}${change.action}: ${change.detail}`);
  if (!dryRun) {
    console.log('next: npx voice-soak doctor --fix   (a Chromium, and Xvfb for headed runs)');
    console.log('      npx playwright test --project=soak');
  }
  return 0;
}
