/**
 * SOAK_REDIRECT_SDP: a WebRTC app's SDP exchange, answered by the run's realtime server. A page request (fetch or
 * XHR) whose URL matches a pattern (globs as in SOAK_REDIRECT_WS: `*` matches anything, slashes and query included)
 * is sent from the harness to the realtime server instead, with its method, body (an `application/sdp` offer, or the
 * multipart form with `sdp` and `session`) and headers, minus Authorization: the key the app holds (an ephemeral
 * `ek_...` or anything else) never leaves the page, as the WebSocket redirect drops credential subprotocols. The
 * server's answer (status, `application/sdp` body, Location naming the call) is handed to the page as the answer of
 * the URL the app asked for, with CORS that lets the page read Location. Each exchange is a harness note
 * `redirect-sdp METHOD FROM -> TO: STATUS`; a server that does not answer fails the request (the app sees a network
 * error) and is a note too.
 * The target path: the older endpoint (`.../v1/realtime?model=...`) keeps its path and query; any other URL (the GA
 * `/v1/realtime/calls`, an Azure prefix, an app's own signalling route) goes to `/v1/realtime/calls`, query kept.
 * Registered with page.route, so it runs before the context-wide loopback guard (page routes come first).
 */
import type { Page, Route } from '@playwright/test';
import type { HarnessClock } from './recording/harness-clock.ts';
import type { RecordSink } from './recording/record-sink.ts';
import { redactSocketUrl } from './redact-socket-url.ts';
import { globToRegexSource } from './websocket-redirect-rules.ts';

export interface SdpRedirect {
  patterns: readonly string[];
  /** http(s) URL of the realtime server (its root). */
  serverHttpUrl: string;
}

/** One matcher over a list of URL globs. */
export function urlGlobMatcher(patterns: readonly string[]): (url: string) => boolean {
  const regexes = patterns.map((pattern) => new RegExp(globToRegexSource(pattern)));
  return (url) => regexes.some((regex) => regex.test(url));
}

/** Where a matched request goes on the realtime server (see the header). */
export function sdpRedirectTarget(requestUrl: string, serverHttpUrl: string): string {
  const from = new URL(requestUrl);
  const to = new URL(serverHttpUrl);
  to.pathname = /\/v1\/realtime\/?$/.test(from.pathname) ? '/v1/realtime' : '/v1/realtime/calls';
  to.search = from.search;
  return to.toString();
}

export function sdpRedirectConfig(patterns: readonly string[], serverHttpUrl: string | undefined): SdpRedirect | undefined {
  if (patterns.length === 0) return undefined;
  if (!serverHttpUrl) throw new Error('SOAK_REDIRECT_SDP is set but there is no realtime server to redirect to');
  return { patterns, serverHttpUrl };
}

/** CORS for an answer the page must read (Location included) on the URL it asked for. */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  return {
    'access-control-allow-origin': origin ?? '*',
    ...(origin ? { 'access-control-allow-credentials': 'true', vary: 'Origin' } : {}),
    'access-control-expose-headers': 'Location',
  };
}

export async function installSdpRedirect(options: {
  page: Page;
  redirect: SdpRedirect;
  sink: Pick<RecordSink, 'write'>;
  clock: Pick<HarnessClock, 'nowMs'>;
}): Promise<void> {
  const { page, redirect, sink, clock } = options;
  const note = (detail: string) => sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'note', detail });
  const matches = urlGlobMatcher(redirect.patterns);
  await page.route(
    (url) => matches(url.href),
    (route) => answerFromServer(route, redirect.serverHttpUrl, note),
  );
}

async function answerFromServer(route: Route, serverHttpUrl: string, note: (detail: string) => void): Promise<void> {
  const request = route.request();
  const from = request.url();
  const to = sdpRedirectTarget(from, serverHttpUrl);
  const headers = await request.allHeaders();
  const origin = headers.origin;
  const dropped = headers.authorization !== undefined;
  delete headers.authorization;
  delete headers.cookie;
  const what = `redirect-sdp ${request.method()} ${redactSocketUrl(from)} -> ${redactSocketUrl(to)}`;
  if (request.method() === 'OPTIONS') {
    // Chromium answers CORS preflights of intercepted requests itself; one that still arrives is answered here.
    const allowHeaders = headers['access-control-request-headers'];
    await route.fulfill({
      status: 204,
      headers: {
        ...corsHeaders(origin),
        'access-control-allow-methods': 'POST, OPTIONS',
        ...(allowHeaders ? { 'access-control-allow-headers': allowHeaders } : {}),
      },
    });
    return;
  }
  let response: Awaited<ReturnType<Route['fetch']>>;
  try {
    response = await route.fetch({ url: to, headers, maxRedirects: 0, timeout: 30_000 });
  } catch (error) {
    note(`${what}: no answer (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    await route.abort('connectionfailed').catch(() => undefined);
    return;
  }
  note(`${what}: ${response.status()}${dropped ? ' (dropped Authorization)' : ''}`);
  await route.fulfill({ response, headers: { ...response.headers(), ...corsHeaders(origin) } }).catch(() => undefined);
}
