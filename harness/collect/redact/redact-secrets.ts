/**
 * Redact API keys from anything the harness writes: URLs, headers, WebSocket subprotocols, frames, log records.
 *
 * Recognised: OpenAI-style keys (`sk-...`, `sk-proj-...`), ephemeral client secrets (`ek_...`), the browser
 * subprotocol `openai-insecure-api-key.<key>`, `Bearer <token>`, and key-like query parameters
 * (`api-key=`, `api_key=`, `apikey=`, `key=`, `token=`, `access_token=`, `client_secret=`). Exact values passed in
 * `knownSecrets` (e.g. OPENAI_API_KEY) are redacted wherever they appear, whatever their shape.
 */
export const REDACTED = '***';

const PATTERNS: Array<[RegExp, string]> = [
  [/openai-insecure-api-key\.[^\s,;"'&]+/gi, `openai-insecure-api-key.${REDACTED}`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/\bsk-[A-Za-z0-9_-]{8,}/g, `sk-${REDACTED}`],
  [/\bek_[A-Za-z0-9_-]{8,}/g, `ek_${REDACTED}`],
  [/([?&;]|^|\s)(api[-_]?key|key|token|access_token|client_secret)=[^&#\s"']*/gi, `$1$2=${REDACTED}`],
];

/** One string with every recognised secret replaced by `***`. */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret && secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Whether redactSecrets would change the text: it holds a recognised secret or one of knownSecrets. */
export function carriesSecret(text: string, knownSecrets: readonly string[] = []): boolean {
  return redactSecrets(text, knownSecrets) !== text;
}

/** A deep copy of a JSON-like value with every string (and object key) passed through redactSecrets. */
export function redactDeep<T>(value: T, knownSecrets: readonly string[] = []): T {
  return walk(value, knownSecrets) as T;
}

function walk(value: unknown, knownSecrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactSecrets(value, knownSecrets);
  if (Array.isArray(value)) return value.map((item) => walk(item, knownSecrets));
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[redactSecrets(key, knownSecrets)] = walk(item, knownSecrets);
    return out;
  }
  return value;
}
