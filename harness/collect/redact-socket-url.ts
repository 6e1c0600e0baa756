/**
 * A socket or worker URL fit for the log: redactSecrets (sk-/ek_ keys, key=/token=/... values), then the value of
 * every query parameter whose name merely contains key, token, secret, auth, password or signature
 * (`x-api-key`, `auth_token`, `X-Amz-Signature`) becomes `***` as well. The name stays, so a reader sees a secret was
 * passed in the URL.
 */
import { REDACTED, redactSecrets } from './redact/redact-secrets.ts';

const SECRET_PARAM_NAME = /key|token|secret|auth|password|signature/i;

export function redactSocketUrl(url: string): string {
  const redacted = redactSecrets(url);
  const queryAt = redacted.indexOf('?');
  if (queryAt < 0) return redacted;
  const query = redacted
    .slice(queryAt)
    .replace(/([?&;])([^=&;#]*)=([^&;#]*)/g, (pair, separator: string, name: string) =>
      SECRET_PARAM_NAME.test(name) ? `${separator}${name}=${REDACTED}` : pair,
    );
  return redacted.slice(0, queryAt) + query;
}
