/**
 * Which processes still carry a marker environment variable: a run started with VOICE_SOAK_TEST_MARK=<id> passes it
 * to everything it starts (the Playwright runner and workers, the webServer, the embedded server, Xvfb, Chromium),
 * so after the run has exited, any process that still has it was left behind. Linux /proc only.
 */
import { readdirSync, readFileSync } from 'node:fs';

export const MARK_VAR = 'VOICE_SOAK_TEST_MARK';

export interface MarkedProcess {
  pid: number;
  command: string;
}

export function processesWithMark(mark: string): MarkedProcess[] {
  const needle = `${MARK_VAR}=${mark}`;
  const found: MarkedProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(needle)) continue;
      found.push({ pid: Number(entry), command: readFileSync(`/proc/${entry}/cmdline`, 'latin1').split('\0').join(' ').trim().slice(0, 200) });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}
