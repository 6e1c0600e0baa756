/**
 * Keep a browser context on this machine: every HTTP(S) request and WebSocket to a host other than 127.0.0.1 /
 * localhost / [::1] is aborted (closed) and recorded. Page-level routes (the harness's WebSocket redirect) take
 * precedence over these context routes, so a redirected socket never reaches the guard; anything that slips past
 * the redirect shows up in `blocked`. Loopback traffic passes through untouched.
 */
import type { BrowserContext } from '@playwright/test';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (!/^(https?|wss?):$/.test(parsed.protocol)) return true; // data:, blob:, about: never leave the machine
    return LOOPBACK_HOSTS.has(parsed.hostname);
  } catch {
    return false;
  }
}

export interface LoopbackGuard {
  /** Every non-loopback URL the context tried, in order ("http GET https://...", "ws wss://..."). */
  blocked: string[];
  /** Every request the context made (loopback or not), for evidence. */
  seen: string[];
}

export async function guardLoopbackOnly(context: BrowserContext): Promise<LoopbackGuard> {
  const guard: LoopbackGuard = { blocked: [], seen: [] };
  context.on('request', (request) => guard.seen.push(request.url()));
  await context.route(
    (url) => !isLoopbackUrl(url.href),
    async (route) => {
      guard.blocked.push(`http ${route.request().method()} ${route.request().url()}`);
      await route.abort('blockedbyclient');
    },
  );
  await context.routeWebSocket(
    (url) => !isLoopbackUrl(url.href),
    async (route) => {
      guard.blocked.push(`ws ${route.url()}`);
      await route.close({ code: 1008, reason: 'voice-soak test: off-machine socket blocked' });
    },
  );
  return guard;
}
