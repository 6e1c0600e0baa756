/**
 * Redact credential headers entirely (Authorization, api-key, x-api-key, cookies, OpenAI-Beta stays) and every
 * other header value through redactSecrets.
 */
import { REDACTED, redactSecrets } from './redact-secrets.ts';

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'api-key', 'x-api-key', 'cookie', 'set-cookie', 'openai-organization']);

export function redactHeaders(headers: Record<string, string | string[] | undefined>, knownSecrets: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (!CREDENTIAL_HEADERS.has(name.toLowerCase())) out[name] = redactSecrets(text, knownSecrets);
    else out[name] = /^\s*(Bearer|Basic)\s/i.test(text) ? `${text.trim().split(/\s+/)[0]} ${REDACTED}` : REDACTED;
  }
  return out;
}
