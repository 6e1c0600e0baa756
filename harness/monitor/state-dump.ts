/**
 * The "detailed state" a safeguard logs: the app's getState(), every socket's state and handlers in flight, open
 * responses and the most recent events. Made JSON-safe and bounded (MAX_DUMP_CHARS) so a huge or cyclic app state
 * cannot break the log or the page.
 */
const MAX_DUMP_CHARS = 16_000;

/** JSON-safe copy of value, or a short string saying why it is not included. */
export function jsonSafe(value: unknown, maxChars = MAX_DUMP_CHARS): unknown {
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return null;
    if (text.length > maxChars) return `(omitted: ${text.length} characters of JSON > ${maxChars})`;
    return JSON.parse(text) as unknown;
  } catch (error) {
    return `(omitted: ${error instanceof Error ? error.message : String(error)})`.slice(0, 4096);
  }
}

export function safeCall<T>(fn: (() => T) | undefined): { value?: T; error?: string } {
  if (!fn) return { error: 'hook not registered' };
  try {
    return { value: fn() };
  } catch (error) {
    return { error: (error instanceof Error ? error.message : String(error)).slice(0, 4096) };
  }
}
