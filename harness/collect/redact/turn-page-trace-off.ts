/**
 * Turns Playwright's trace off for a browser context whose page handled secrets, when a trace is being recorded
 * (`--trace=on` and the like). A trace records every request header, response body, page URL and typed value
 * verbatim, and the test runner copies it into test-results, the HTML report and Allure's results; Playwright has
 * no option to leave secrets out. stop() discards everything recorded for the context so far (it never becomes a
 * file the run keeps); a new trace without DOM snapshots, network or screencast is started only because the runner
 * still closes one at the end. Public tracing API only: start() answers "Tracing has been already started" when the runner
 * traces this context.
 */
import type { BrowserContext } from '@playwright/test';

const QUIET = { snapshots: false, screenshots: false } as const;

/** true when a trace was being recorded and is now dropped; false when none was (it then stays off). */
export async function turnPageTraceOff(context: BrowserContext): Promise<boolean> {
  try {
    await context.tracing.start(QUIET);
  } catch (error) {
    if (!/has been already started|already been started/i.test(String(error))) return false; // a closed context: nothing more is written
    await context.tracing.stop();
    await context.tracing.start(QUIET);
    return true;
  }
  await context.tracing.stop(); // none was running: leave it so
  return false;
}
