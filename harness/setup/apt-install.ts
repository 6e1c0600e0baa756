/** Installs Debian packages when we are root on a machine with apt-get; returns false when that is not possible. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function canUseApt(): boolean {
  return process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/apt-get');
}

let updated = false;

export function aptInstall(packages: string[], why: string): boolean {
  if (!canUseApt()) return false;
  console.error(`voice-soak: installing ${packages.join(' ')} with apt-get (${why}) ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    if (!updated) execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    updated = true;
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
    return true;
  } catch {
    return false;
  }
}
