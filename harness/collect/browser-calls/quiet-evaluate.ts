/**
 * The harness's own calls into the page (draining the monitor, reading app counters, feeding the mic) as CDP
 * Runtime.evaluate on a session of the page, not page.evaluate: Playwright records every page.evaluate as an
 * "Evaluate" step, and a soak makes several a second, which buried each turn step of the Playwright report under
 * dozens of them; it records no step for a CDP session's commands (the sampler's many sends never showed). Same
 * semantics as page.evaluate with a function: its source runs in the page's main world with the argument as JSON,
 * a promise is awaited, the value comes back by value, and it counts as a user gesture (as page.evaluate's do, so
 * an app behaves as it did). One session per page, opened on first use.
 */
import type { CDPSession, Page } from '@playwright/test';

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function sessionOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
    session.catch(() => sessions.delete(page));
  }
  return session;
}

interface EvaluateResponse {
  result?: { value?: unknown };
  exceptionDetails?: { text?: string; exception?: { description?: string } };
}

export async function quietEvaluate<R, A = undefined>(page: Page, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
  if (page.isClosed()) throw new Error('page evaluate: the page is closed');
  const session = await sessionOf(page);
  const expression = `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`;
  const response = (await session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, userGesture: true })) as EvaluateResponse;
  if (response.exceptionDetails) {
    const { exception, text } = response.exceptionDetails;
    throw new Error(`page evaluate: ${(exception?.description ?? text ?? 'exception').split('\n')[0]}`);
  }
  return response.result?.value as R;
}
