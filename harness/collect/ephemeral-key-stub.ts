/**
 * SOAK_EPHEMERAL_KEY_URL: the request a WebRTC app makes to its own backend for an ephemeral key (`GET /session`,
 * `POST /token`, ...), answered by the harness so the soak needs neither that backend nor a real API key. A page
 * request whose URL matches a pattern (globs as in SOAK_REDIRECT_WS) gets 200 JSON that reads as both shapes the
 * Realtime API mints: the GA client secret (`POST /v1/realtime/client_secrets`: `value`, `expires_at`, `session`)
 * and the beta session (`POST /v1/realtime/sessions`: `client_secret.value`), with one fresh fake `ek_` key per
 * request (the realtime server the SDP exchange is redirected to does not check it, and log redaction hides it).
 * An app whose backend answers another shape stubs it with a SOAK_SETUP module (README, "Soaking your own WebRTC app").
 * Each answer is a harness note `ephemeral-key METHOD URL`.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { HarnessClock } from './recording/harness-clock.ts';
import type { RecordSink } from './recording/record-sink.ts';
import { redactSocketUrl } from './redact-socket-url.ts';
import { corsHeaders, urlGlobMatcher } from './sdp-redirect.ts';

/** The JSON a stubbed key request answers: GA `value` / `session` and beta `client_secret` in one body. */
export function fakeEphemeralKeyBody(key: string, nowSeconds: number): Record<string, unknown> {
  const expiresAt = nowSeconds + 600;
  const session = { type: 'realtime', object: 'realtime.session', id: `sess_${key.slice(-12)}`, model: 'gpt-realtime' };
  return { value: key, expires_at: expiresAt, session, client_secret: { value: key, expires_at: expiresAt }, ...session };
}

export async function installEphemeralKeyStub(options: {
  page: Page;
  patterns: readonly string[];
  sink: Pick<RecordSink, 'write'>;
  clock: Pick<HarnessClock, 'nowMs'>;
}): Promise<void> {
  const { page, patterns, sink, clock } = options;
  if (patterns.length === 0) return;
  const matches = urlGlobMatcher(patterns);
  await page.route(
    (url) => matches(url.href),
    async (route) => {
      const request = route.request();
      const origin = request.headers().origin;
      sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'note', detail: `ephemeral-key ${request.method()} ${redactSocketUrl(request.url())}` });
      const key = `ek_voice_soak_${randomBytes(12).toString('hex')}`;
      await route
        .fulfill({
          status: 200,
          contentType: 'application/json',
          headers: corsHeaders(origin),
          body: JSON.stringify(fakeEphemeralKeyBody(key, Math.floor(Date.now() / 1000))),
        })
        .catch(() => undefined);
    },
  );
}
