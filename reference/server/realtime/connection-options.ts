/**
 * Per-connection settings read from the WebSocket upgrade request: dialect (beta when the client offers the
 * `openai-beta.realtime-v1` subprotocol, sends `OpenAI-Beta: realtime=v1`, or an Azure-style `api-version=...preview`
 * query; `voice_soak_dialect=beta|ga` overrides; otherwise the server's default, `serve --dialect`, else ga), model, seed (`voice_soak_seed`), and faults (`voice_soak_faults`,
 * merged over the server's defaults).
 */
import type { IncomingMessage } from 'node:http';
import { mergeFaultSpecs, parseFaultSpec } from '../../faults/fault-spec.ts';
import type { FaultSpec } from '../../faults/fault-spec.ts';
import type { Dialect } from './session-config.ts';

export interface ConnectionOptions {
  dialect: Dialect;
  model: string;
  seed: number;
  faults: FaultSpec;
  /** A one-line problem with the query's faults (they are ignored then), reported to the client as an error event. */
  faultsError: string | null;
}

export function connectionOptions(req: IncomingMessage, serverFaults: FaultSpec, defaultDialect: Dialect = 'ga'): ConnectionOptions {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const query = url.searchParams;
  const protocols = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  const betaHeader = String(req.headers['openai-beta'] ?? '').includes('realtime=v1');
  const preview = (query.get('api-version') ?? '').includes('preview');
  const forced = query.get('voice_soak_dialect');
  const dialect: Dialect =
    forced === 'beta' || forced === 'ga' ? forced : protocols.includes('openai-beta.realtime-v1') || betaHeader || preview ? 'beta' : defaultDialect;
  const seedText = query.get('voice_soak_seed');
  const seed = seedText !== null && Number.isFinite(Number(seedText)) ? Number(seedText) : 1;
  let faults = serverFaults;
  let faultsError: string | null = null;
  const faultText = query.get('voice_soak_faults');
  if (faultText) {
    try {
      faults = mergeFaultSpecs(serverFaults, parseFaultSpec(faultText));
    } catch (error) {
      faultsError = `voice_soak_faults ignored: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const model = query.get('model') ?? query.get('deployment') ?? (dialect === 'beta' ? 'gpt-4o-realtime-preview' : 'gpt-realtime');
  return { dialect, model, seed, faults, faultsError };
}
