/**
 * SOAK_REDIRECT_WS patterns -> rules the in-page redirect (websocket-redirect-page.ts) applies. A pattern is a URL
 * glob where `*` matches any run of characters (slashes and query strings included):
 *   wss://api.openai.com/v1/realtime*      ws://localhost:8081*      wss://*.openai.azure.com/openai/realtime*
 * A pattern is matched against the URL as the app wrote it and as the browser resolves it (so `ws://localhost:8081`
 * also matches `ws://localhost:8081/`).
 */
export interface WebSocketRedirectRule {
  /** The glob as the user wrote it (for notes). */
  pattern: string;
  /** Regex source matching the whole URL. */
  regex: string;
  /** ws:// URL the socket is opened to instead; the app's query string is kept, minus credentials. */
  target: string;
}

export interface WebSocketRedirectConfig {
  rules: WebSocketRedirectRule[];
  /** SOAK_LOOPBACK_ONLY: a socket to a non-loopback host that no rule redirects is not opened. */
  blockRemote: boolean;
}

export function globToRegexSource(glob: string): string {
  return `^${glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*')}$`;
}

export function webSocketRedirectConfig(patterns: readonly string[], target: string | undefined, blockRemote: boolean): WebSocketRedirectConfig {
  if (patterns.length > 0 && !target) throw new Error('SOAK_REDIRECT_WS is set but there is no realtime server to redirect to');
  return { rules: target ? patterns.map((pattern) => ({ pattern, regex: globToRegexSource(pattern), target })) : [], blockRemote };
}
