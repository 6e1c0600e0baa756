/**
 * Runs IN THE PAGE (page.addInitScript before the monitor; must stay self-contained). Wraps window.WebSocket so a
 * socket whose URL matches a redirect rule is opened, as a real browser WebSocket, to the rule's target instead:
 * the app keeps real readyState / bufferedAmount / backpressure, and the monitor's own wrapper (installed after this
 * one) sees and measures it. Unlike Playwright's routeWebSocket there is no mock in between.
 *
 * Kept from the app's URL: the query string (model, deployment, api-version...), minus credentials (api-key, key,
 * token, access_token, client_secret). Kept subprotocols: all but credentials (openai-insecure-api-key.*,
 * openai-organization.*, openai-project.*, openai-ephemeral*). With blockRemote, a socket to a non-loopback host
 * that no rule redirects goes to a closed loopback port instead (it fails like an unreachable host). Every
 * decision is reported to the harness through the __voiceSoakWebSocketRedirect binding (queued until it exists).
 */
import type { WebSocketRedirectConfig } from './websocket-redirect-rules.ts';

export interface WebSocketRedirectReport {
  action: 'redirected' | 'blocked';
  from: string;
  to: string;
  droppedProtocols: number;
  droppedParams: string[];
}

export function installWebSocketRedirectInPage(config: WebSocketRedirectConfig): void {
  const scope = globalThis as unknown as Record<string, unknown> & { WebSocket: typeof WebSocket };
  const MARK = Symbol.for('voice-soak.websocket-redirect');
  const Native = scope.WebSocket as typeof WebSocket & { [MARK]?: boolean };
  if (typeof Native !== 'function' || Native[MARK]) return;
  const rules = config.rules.map((rule) => ({ ...rule, re: new RegExp(rule.regex) }));
  const CREDENTIAL_PROTOCOL = /^(openai-insecure-api-key\.|openai-ephemeral|openai-organization\.|openai-project\.)/i;
  const CREDENTIAL_PARAM = /^(api[-_]?key|key|token|access_token|client_secret)$/i;
  const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
  const pending: WebSocketRedirectReport[] = [];

  const flush = () => {
    const binding = scope.__voiceSoakWebSocketRedirect as ((report: WebSocketRedirectReport) => unknown) | undefined;
    if (typeof binding !== 'function') {
      if (pending.length) setTimeout(flush, 50);
      return;
    }
    for (const report of pending.splice(0)) {
      try {
        void binding(report);
      } catch {
        // the harness is gone (page closing): nothing to report to
      }
    }
  };
  const report = (r: WebSocketRedirectReport) => {
    pending.push(r);
    flush();
  };

  const rewrite = (rawUrl: string, protocols: string[]): { url: string; protocols: string[] } | null => {
    let absolute: URL;
    try {
      absolute = new URL(rawUrl, location.href);
    } catch {
      return null; // let the native constructor throw its own SyntaxError
    }
    const rule = rules.find((r) => r.re.test(rawUrl) || r.re.test(absolute.href));
    if (!rule) {
      if (config.blockRemote && !LOOPBACK.has(absolute.hostname)) {
        const to = 'ws://127.0.0.1:9/voice-soak-blocked';
        report({ action: 'blocked', from: rawUrl, to, droppedProtocols: 0, droppedParams: [] });
        return { url: to, protocols: [] };
      }
      return null;
    }
    const target = new URL(rule.target);
    const droppedParams: string[] = [];
    for (const [key, value] of absolute.searchParams) {
      if (CREDENTIAL_PARAM.test(key)) droppedParams.push(key);
      else if (!target.searchParams.has(key)) target.searchParams.set(key, value);
    }
    const kept = protocols.filter((p) => !CREDENTIAL_PROTOCOL.test(p));
    report({ action: 'redirected', from: rawUrl, to: target.href, droppedProtocols: protocols.length - kept.length, droppedParams });
    return { url: target.href, protocols: kept };
  };

  const wrapped = new Proxy(Native, {
    construct(target, args, newTarget) {
      const [url, protocolArg, ...rest] = args as [unknown, unknown, ...unknown[]];
      const protocols = protocolArg === undefined ? [] : Array.isArray(protocolArg) ? protocolArg.map(String) : [String(protocolArg)];
      const changed = typeof url === 'string' || url instanceof URL ? rewrite(String(url), protocols) : null;
      if (!changed) return Reflect.construct(target, args, newTarget) as WebSocket;
      const nextArgs = changed.protocols.length ? [changed.url, changed.protocols, ...rest] : [changed.url];
      return Reflect.construct(target, nextArgs, newTarget) as WebSocket;
    },
    get(target, property) {
      if (property === MARK) return true;
      return Reflect.get(target, property);
    },
  });
  Object.defineProperty(scope, 'WebSocket', { value: wrapped, writable: true, configurable: true, enumerable: false });
}
