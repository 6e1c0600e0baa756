/**
 * What secrets a page's own traffic carried, seen through CDP Network events as Playwright's trace sees them:
 * request URLs and headers (an `Authorization` header, `key=`/`token=`/... queries, a known key), request bodies and
 * JSON or text response bodies (key values: `sk-...`, an ephemeral `ek_...`, a `client_secret` value, a known key;
 * not code that merely names them, as source maps do), WebSocket URLs and handshake headers
 * (an `openai-insecure-api-key.*` subprotocol) and text messages. A trace records all of these verbatim (trace.network, resources/),
 * so a run whose page handled any of them must not keep its page trace (turn-page-trace-off.ts). Only kinds of
 * secret are kept here ("an Authorization header"), never values. add() takes kinds the harness knows of itself
 * (a typed secret, a key in the page URL).
 */
import type { CdpSessionLike } from '../browser-calls/cdp-session-like.ts';
import { carriesSecret } from './redact-secrets.ts';

interface CdpEventSource extends CdpSessionLike {
  // biome-ignore lint/suspicious/noExplicitAny: CDP params and wrapped page objects are untyped; each reader narrows what it uses
  on(event: string, listener: (params: any) => void): unknown;
}

export interface PageSecretExposure {
  add(kind: string): void;
  /** The kinds of secret seen so far, in first-seen order. */
  kinds(): string[];
  /** Waits for response bodies still being read (bounded), so kinds() is complete. */
  settle(): Promise<void>;
}

const KEY_HEADER = /^(proxy-)?authorization$|^(x-)?api-key$/i;
const READABLE_BODY = /json|text\/plain/i;
const MAX_BODY_BYTES = 1_000_000;
// In free text (bodies, console) only key values count, not code or prose that names them (`Basic usage`,
// `openai-insecure-api-key.${key}`, `?key=` in a source map): a known secret, an sk-/ek_ key, a key subprotocol
// with a value, or a client_secret field with a value.
const KEY_VALUE = [
  /\bsk-[A-Za-z0-9_-]{20,}/,
  /\bek_[A-Za-z0-9_-]{16,}/,
  /openai-insecure-api-key\.[A-Za-z0-9_-]{16,}/i,
  /"client_secret"\s*:\s*(\{\s*"value"\s*:\s*)?"[^"]{8,}"/,
];

/** Whether free text holds a key value (see KEY_VALUE) or one of knownSecrets. */
export function textHoldsKey(text: string, knownSecrets: readonly string[]): boolean {
  return KEY_VALUE.some((pattern) => pattern.test(text)) || knownSecrets.some((secret) => secret.length >= 6 && text.includes(secret));
}

export async function watchPageSecretExposure(session: CdpEventSource, knownSecrets: readonly string[]): Promise<PageSecretExposure> {
  const kinds = new Set<string>();
  const pendingBodies = new Set<Promise<void>>();
  const readableResponses = new Set<string>();
  const carries = (text: string | undefined) => typeof text === 'string' && carriesSecret(text, knownSecrets);
  const checkHeaders = (headers: Record<string, string> | undefined, what: string) => {
    for (const [name, value] of Object.entries(headers ?? {})) {
      if (KEY_HEADER.test(name)) kinds.add(`an ${name} header on ${what}`);
      else if (carries(value)) kinds.add(`a key in the ${name} header of ${what}`);
    }
  };

  session.on('Network.requestWillBeSent', ({ request }: { request: { url: string; headers?: Record<string, string>; postData?: string } }) => {
    if (carries(request.url)) kinds.add('a key in a request URL');
    checkHeaders(request.headers, 'a request');
    if (request.postData && textHoldsKey(request.postData, knownSecrets)) kinds.add('a key in a request body');
  });
  session.on('Network.responseReceived', ({ requestId, response }: { requestId: string; response: { mimeType?: string } }) => {
    if (READABLE_BODY.test(response.mimeType ?? '')) readableResponses.add(requestId);
  });
  session.on('Network.loadingFinished', ({ requestId, encodedDataLength }: { requestId: string; encodedDataLength?: number }) => {
    if (!readableResponses.delete(requestId) || (encodedDataLength ?? 0) > MAX_BODY_BYTES) return;
    const read = session
      .send('Network.getResponseBody', { requestId })
      .then(({ body, base64Encoded }: { body: string; base64Encoded: boolean }) => {
        const text = base64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
        if (textHoldsKey(text, knownSecrets)) kinds.add('a key in a response body');
      })
      .catch(() => undefined) // the page navigated away or closed: the body is gone from the browser too
      .finally(() => pendingBodies.delete(read));
    pendingBodies.add(read);
  });
  session.on('Network.webSocketCreated', ({ url }: { url: string }) => {
    if (carries(url)) kinds.add('a key in a WebSocket URL');
  });
  session.on('Network.webSocketWillSendHandshakeRequest', ({ request }: { request: { headers?: Record<string, string> } }) => {
    checkHeaders(request.headers, 'a WebSocket handshake');
  });
  // Traces keep text frames too (audio is base64, which cannot hold an sk-/ek_ key's - or _).
  const checkFrame = ({ response }: { response: { opcode: number; payloadData: string } }) => {
    if (response.opcode === 1 && textHoldsKey(response.payloadData, knownSecrets)) kinds.add('a key in a WebSocket message');
  };
  session.on('Network.webSocketFrameSent', checkFrame);
  session.on('Network.webSocketFrameReceived', checkFrame);
  await session.send('Network.enable');

  return {
    add: (kind) => void kinds.add(kind),
    kinds: () => [...kinds],
    async settle() {
      const all = Promise.all(pendingBodies);
      await Promise.race([all, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    },
  };
}
