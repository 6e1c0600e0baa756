/**
 * Opens the realtime WebSocket the way browser clients do: dialect and API key travel as subprotocols
 * (`realtime`, `openai-beta.realtime-v1`, `openai-insecure-api-key.<key>`); the fault spec travels as the
 * `voice_soak_faults` query parameter so the embedded server applies its server-side faults to this connection.
 */
import type { AppConfig } from './app-config.ts';

/** What VoiceApp uses of a connection: a WebSocket, or a WebRTC call shaped like one (realtime-call.ts). */
export interface RealtimeLink {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export function realtimeSubprotocols(config: Pick<AppConfig, 'dialect' | 'apiKey'>): string[] {
  const protocols = ['realtime'];
  if (config.apiKey) protocols.push(`openai-insecure-api-key.${config.apiKey}`);
  if (config.dialect === 'beta') protocols.push('openai-beta.realtime-v1');
  return protocols;
}

export function realtimeSocketUrl(config: Pick<AppConfig, 'wsUrl' | 'faults'>): string {
  const url = new URL(config.wsUrl);
  if (config.faults) url.searchParams.set('voice_soak_faults', config.faults);
  return url.toString();
}

export function openRealtimeSocket(config: AppConfig): WebSocket {
  return new WebSocket(realtimeSocketUrl(config), realtimeSubprotocols(config));
}
