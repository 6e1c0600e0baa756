/**
 * Where the app connects and how: the page's `?ws=`, `?dialect=`, `?faults=` query parameters, overridden by
 * `window.VOICE_APP_CONFIG` when a host page sets it. The API key is only ever read from VOICE_APP_CONFIG:
 * a key in a URL would leak into logs, history and referrers.
 */
export type RealtimeDialect = 'ga' | 'beta';

export interface AppConfig {
  /** Absolute ws:// or wss:// URL of the realtime endpoint. */
  wsUrl: string;
  dialect: RealtimeDialect;
  /** Fault spec string (`name[:value],...`), '' when clean. */
  faults: string;
  apiKey?: string;
}

interface InjectedConfig {
  wsUrl?: unknown;
  apiKey?: unknown;
  dialect?: unknown;
  faults?: unknown;
}

function toWebSocketUrl(raw: string, pageHref: string): string {
  const url = new URL(raw, pageHref);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  if (url.protocol === 'https:') url.protocol = 'wss:';
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new Error(`app config: wsUrl "${raw}" must be a ws:, wss:, http: or https: URL`);
  }
  return url.toString();
}

function readDialect(raw: unknown, where: string): RealtimeDialect {
  if (raw === undefined || raw === null || raw === '') return 'ga';
  if (raw === 'ga' || raw === 'beta') return raw;
  throw new Error(`app config: ${where} dialect "${String(raw)}" must be "ga" or "beta"`);
}

function optionalString(raw: unknown, field: string): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') throw new Error(`app config: VOICE_APP_CONFIG.${field} must be a string`);
  return raw;
}

export function readAppConfig(pageHref: string, injected?: InjectedConfig | null): AppConfig {
  const params = new URL(pageHref).searchParams;
  if (params.has('key')) {
    throw new Error('app config: ?key= is refused (it would leak into URLs); set window.VOICE_APP_CONFIG.apiKey instead');
  }
  const wsRaw = optionalString(injected?.wsUrl, 'wsUrl') ?? params.get('ws') ?? '/v1/realtime';
  const dialect = injected?.dialect !== undefined ? readDialect(injected.dialect, 'VOICE_APP_CONFIG.dialect') : readDialect(params.get('dialect'), '?dialect=');
  const faults = optionalString(injected?.faults, 'faults') ?? params.get('faults') ?? '';
  const apiKey = optionalString(injected?.apiKey, 'apiKey');
  const config: AppConfig = { wsUrl: toWebSocketUrl(wsRaw, pageHref), dialect, faults: faults.trim() };
  if (apiKey) config.apiKey = apiKey;
  return config;
}
