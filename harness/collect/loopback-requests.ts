/**
 * SOAK_LOOPBACK_ONLY for HTTP(S): every request of the page's context to a host other than 127.0.0.1, localhost
 * or [::1] is aborted and written to the log as a harness 'blocked' record. (WebSockets are held back in the page by
 * the redirect script, websocket-redirect-page.ts: a context.routeWebSocket here would put Playwright's mock
 * WebSocket in front of the monitor.) data:, blob: and about: URLs never leave the machine and pass.
 */
import type { Page } from '@playwright/test';
import type { HarnessClock } from './recording/harness-clock.ts';
import type { RecordSink } from './recording/record-sink.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (!/^(https?|wss?):$/.test(parsed.protocol)) return true;
    return LOOPBACK_HOSTS.has(parsed.hostname);
  } catch {
    return false;
  }
}

export async function guardLoopbackRequests(page: Page, sink: Pick<RecordSink, 'write'>, clock: Pick<HarnessClock, 'nowMs'>): Promise<void> {
  await page.context().route(
    (url) => !isLoopbackUrl(url.href),
    async (route) => {
      const url = route.request().url();
      sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'blocked', detail: `http ${route.request().method()} ${url}`, data: { url, channel: 'http' } });
      await route.abort('blockedbyclient');
    },
  );
}
