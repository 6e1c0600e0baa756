/**
 * Where the app connects and how: the page's `?ws=`, `?dialect=`, `?faults=`, `?transport=websocket|webrtc` and
 * `?calls=` (the WebRTC call endpoint, default /v1/realtime/calls) query parameters, overridden by
 * `window.VOICE_APP_CONFIG` when a host page sets it. The API key is only ever read from VOICE_APP_CONFIG:
 * a key in a URL would leak into logs, history and referrers.
 */
export type RealtimeDialect = 'ga' | 'beta';
export type RealtimeTransport = 'websocket' | 'webrtc';

export interface AppConfig {
  /** Absolute ws:// or wss:// URL of the realtime endpoint. */
  wsUrl: string;
  dialect: RealtimeDialect;
  transport: RealtimeTransport;
  /** Absolute http(s) URL that takes the WebRTC SDP offer (transport webrtc). */
  callsUrl: string;
  /** Fault spec string (`name[:value],...`), '' when clean. */
  faults: string;
  apiKey?: string;
}

interface InjectedConfig {
  wsUrl?: unknown;
  apiKey?: unknown;
  dialect?: unknown;
  faults?: unknown;
  transport?: unknown;
  callsUrl?: unknown;
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

function readTransport(raw: unknown, where: string): RealtimeTransport {
  if (raw === undefined || raw === null || raw === '') return 'websocket';
  if (raw === 'websocket' || raw === 'webrtc') return raw;
  throw new Error(`app config: ${where} transport "${String(raw)}" must be "websocket" or "webrtc"`);
}

function toHttpUrl(raw: string, pageHref: string): string {
  const url = new URL(raw, pageHref);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`app config: callsUrl "${raw}" must be an http: or https: URL`);
  return url.toString();
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
  const transport =
    injected?.transport !== undefined ? readTransport(injected.transport, 'VOICE_APP_CONFIG.transport') : readTransport(params.get('transport'), '?transport=');
  const callsRaw = optionalString(injected?.callsUrl, 'callsUrl') ?? params.get('calls') ?? '/v1/realtime/calls';
  const config: AppConfig = {
    wsUrl: toWebSocketUrl(wsRaw, pageHref),
    dialect,
    transport,
    callsUrl: toHttpUrl(callsRaw, pageHref),
    faults: faults.trim(),
  };
  if (apiKey) config.apiKey = apiKey;
  return config;
}
