/**
 * One soak run driven through harness/collect directly (as the fixtures do), in a browser context that may only
 * talk to loopback hosts (loopback-guard.ts): prepare, start the session, run the scaled conversation, stop,
 * analyze once. Returns the run's result and what the guard saw.
 */
import type { Browser } from '@playwright/test';
import { prepareSoakRun } from '../../../harness/collect/prepare-soak-run.ts';
import type { SoakRunOptions } from '../../../harness/collect/soak-run-options.ts';
import { startSoakSession } from '../../../harness/collect/start-soak-session.ts';
import { finishSoakRun } from '../../../harness/verdict/finish-soak-run.ts';
import type { SoakRunResult } from '../../../harness/verdict/soak-run-result.ts';
import { guardLoopbackOnly, type LoopbackGuard } from './loopback-guard.ts';

export interface GuardedSoakRun {
  result: SoakRunResult;
  logPath: string;
  guard: LoopbackGuard;
}

export async function runGuardedSoak(browser: Browser, options: SoakRunOptions, title: string): Promise<GuardedSoakRun> {
  const run = await prepareSoakRun(options, title);
  const context = await browser.newContext({ permissions: ['microphone'] });
  try {
    const guard = await guardLoopbackOnly(context);
    const page = await context.newPage();
    const session = await startSoakSession(run, browser, page);
    try {
      await session.runConversation();
    } finally {
      await session.stop();
    }
    const result = await finishSoakRun(session.logPath, { title });
    return { result, logPath: session.logPath, guard };
  } finally {
    await context.close().catch(() => undefined);
  }
}
