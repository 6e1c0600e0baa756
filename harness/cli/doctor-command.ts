/**
 * `voice-soak doctor [--fix]`: one line per requirement (Chromium, Xvfb when headed runs need one); exit 0 when all
 * are there, 69 when one is missing (after --fix: could not be installed), 64 on bad usage. `--fix` installs what
 * is missing (apt-get as root, else Playwright's browser installer); without it nothing is installed.
 */
import { runDoctor, type DoctorEnvironment, machineEnvironment } from '../setup/doctor.ts';
import { UsageError } from './cli-errors.ts';

const USAGE = 'usage: voice-soak doctor [--fix]';

export function run(args: string[], machine: DoctorEnvironment = machineEnvironment): number {
  const unknown = args.filter((a) => a !== '--fix');
  if (unknown.length) throw new UsageError(`unknown argument "${unknown[0]}" (${USAGE})`);
  const fix = args.includes('--fix');
  const checks = runDoctor({ fix }, machine);
  for (const check of checks) console.log(`voice-soak doctor: ${check.ok ? 'ok     ' : 'missing'} ${check.name.padEnd(8)} ${check.detail}`);
  return checks.every((c) => c.ok) ? 0 : 69;
}
