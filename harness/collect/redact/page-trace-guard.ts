/**
 * Keeps a soak's secrets out of Playwright's trace: watches the page's traffic (page-secret-exposure.ts) and console
 * from before it opens, and at the end, when the page handled a secret (or the harness typed one, or gave the key to
 * SOAK_SETUP) and a trace is being recorded, turns that trace off (turn-page-trace-off.ts). finish() returns the
 * one-line note saying so, naming the kinds of secret (never their values), or null when the trace stays.
 */
import type { Page } from '@playwright/test';
import { textHoldsKey, watchPageSecretExposure } from './page-secret-exposure.ts';
import { turnPageTraceOff } from './turn-page-trace-off.ts';
import { withTimeout } from '../browser-calls/with-timeout.ts';

export interface PageTraceGuard {
  add(kind: string): void;
  finish(): Promise<string | null>;
}

/** `secrets` is the run's live list: values start steps add to it later count as typed secrets. */
export async function guardPageTrace(page: Page, secrets: readonly string[]): Promise<PageTraceGuard> {
  const session = await page.context().newCDPSession(page);
  const exposure = await watchPageSecretExposure(session, secrets);
  const knownAtStart = secrets.length;
  // A trace keeps console messages too.
  const onConsole = (message: { text(): string }) => {
    if (textHoldsKey(message.text(), secrets)) exposure.add('a key in a console message');
  };
  page.on('console', onConsole);
  let finished: Promise<string | null> | undefined;
  const finish = async (): Promise<string | null> => {
    page.off('console', onConsole);
    await exposure.settle();
    await withTimeout(session.detach(), 2_000, 'CDP detach').catch(() => undefined); // a crashed renderer never answers
    if (secrets.length > knownAtStart) exposure.add('a secret typed by a start step');
    const kinds = exposure.kinds();
    if (kinds.length === 0 || !(await turnPageTraceOff(page.context()).catch(() => false))) return null;
    return `trace off: the page handled secrets (${kinds.join('; ')}), which a Playwright trace keeps verbatim, so this run's page trace was dropped; the log and reports are redacted`;
  };
  return {
    add: (kind) => exposure.add(kind),
    finish: () => (finished ??= finish()),
  };
}
