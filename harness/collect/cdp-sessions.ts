/**
 * The CDP sessions a soak session's collectors share: the page's (sampler, renderer memory, heap profile and
 * snapshots), the browser's when it allows one (process info, SharedWorkers), one for the Network cross-check
 * (unless it is off) and one for the worker-socket watch. detach() lets go of all of them, bounded: detaching from a
 * crashed renderer never answers, and the sessions die with the page anyway.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import { withTimeout } from './browser-calls/with-timeout.ts';

export interface CdpSessions {
  page: CDPSession;
  browser: CDPSession | undefined;
  network: CDPSession | undefined;
  worker: CDPSession;
  detach(): Promise<void>;
}

export async function openCdpSessions(page: Page, browser: Browser, options: { networkCrossCheck: boolean }): Promise<CdpSessions> {
  const pageSession = await page.context().newCDPSession(page);
  const browserSession = await browser.newBrowserCDPSession().catch(() => undefined);
  const network = options.networkCrossCheck ? await page.context().newCDPSession(page) : undefined;
  const worker = await page.context().newCDPSession(page);
  return {
    page: pageSession,
    browser: browserSession,
    network,
    worker,
    async detach() {
      const all = [pageSession, network, worker, browserSession];
      await Promise.all(all.map((session) => session && withTimeout(session.detach(), 2_000, 'CDP detach').catch(() => undefined)));
    },
  };
}
