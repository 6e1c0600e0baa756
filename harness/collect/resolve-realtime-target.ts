/**
 * Which realtime server a run talks to, started if the harness must start it, and what became of its faults:
 *  - SOAK_REALTIME_URL set: that server (it must answer a handshake, else a one-line error); the harness did not
 *    start it, so it cannot say the run's faults reached it;
 *  - the embedded reference app: its own server, next to it (faults travel through the app, see
 *    target-url-with-faults.ts; the analyzer checks the app's socket URL for them);
 *  - an external app with SOAK_REDIRECT_WS, SOAK_REDIRECT_SDP (a WebRTC app's SDP exchange) or SOAK_REALTIME_PORT:
 *    the embedded realtime server, started here on
 *    127.0.0.1 (a free port, or SOAK_REALTIME_PORT) with the run's faults;
 *  - an external app and neither: none; the app talks to its own backend and no fault can be injected.
 * Fault outcomes come back as harness 'fault' record data, one per fault entry.
 */
import { faultEntries, faultName } from '../log/fault-entries.ts';
import { startEmbeddedRealtimeServer, type EmbeddedRealtimeServer } from './embedded-realtime-server.ts';
import { probeRealtimeUrl } from './probe-realtime-url.ts';
import type { SoakRunOptions } from './soak-run-options.ts';

export interface FaultOutcome {
  fault: string;
  status: 'applied' | 'not-applied';
  by?: string;
  reason?: string;
}

export interface RealtimeTarget {
  /** ws:// URL of the realtime server, when this run has one it knows. */
  wsUrl: string | undefined;
  httpUrl: string | undefined;
  /** How it was chosen, for the log's notes and header. */
  how: 'explicit' | 'embedded-target' | 'started' | 'none';
  faultOutcomes: FaultOutcome[];
  stop(): Promise<void>;
}

const httpOf = (wsUrl: string) => {
  const url = new URL(wsUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  url.pathname = '/';
  url.search = '';
  return url.toString();
};

type TargetOptions = Pick<
  SoakRunOptions,
  'realtimeUrl' | 'realtimePort' | 'replyScale' | 'dialect' | 'embedded' | 'targetUrl' | 'redirectWs' | 'redirectSdp' | 'faults'
>;

/** Does the run send anything (a socket, an SDP offer) to the realtime server instead of where the app aimed it? */
const redirects = (options: Pick<SoakRunOptions, 'redirectWs' | 'redirectSdp'>) => options.redirectWs.length > 0 || (options.redirectSdp?.length ?? 0) > 0;

/**
 * SOAK_REALTIME_URL when the run uses it: something is redirected to it, or the app is not the reference app (whose
 * own server is next to it). globalSetup probes the same URL before a browser opens.
 */
export function explicitRealtimeUrl(options: Pick<SoakRunOptions, 'realtimeUrl' | 'redirectWs' | 'redirectSdp' | 'embedded'>): string | undefined {
  return options.realtimeUrl && (redirects(options) || !options.embedded) ? options.realtimeUrl : undefined;
}

export async function resolveRealtimeTarget(options: TargetOptions): Promise<RealtimeTarget> {
  const faults = faultEntries(options.faults);
  const noop = async () => undefined;
  const explicit = explicitRealtimeUrl(options);
  if (explicit) {
    await probeRealtimeUrl(explicit);
    const reason = `SOAK_REALTIME_URL (${explicit}) is a server the harness did not start; start it with \`voice-soak serve --fault ...\` to inject faults`;
    return {
      wsUrl: explicit,
      httpUrl: httpOf(explicit),
      how: 'explicit',
      faultOutcomes: faults.map((f) => ({ fault: faultName(f), status: 'not-applied', reason })),
      stop: noop,
    };
  }
  if (options.embedded) {
    const origin = new URL(options.targetUrl);
    const wsUrl = `${origin.protocol === 'https:' ? 'wss' : 'ws'}://${origin.host}/v1/realtime`;
    return { wsUrl, httpUrl: `${origin.origin}/`, how: 'embedded-target', faultOutcomes: [], stop: noop };
  }
  if (!redirects(options) && options.realtimePort === undefined) {
    const reason = 'the app talks to its own backend: no embedded realtime server in this run (set SOAK_REDIRECT_WS, SOAK_REDIRECT_SDP or SOAK_REALTIME_PORT)';
    return {
      wsUrl: undefined,
      httpUrl: undefined,
      how: 'none',
      faultOutcomes: faults.map((f) => ({ fault: faultName(f), status: 'not-applied', reason })),
      stop: noop,
    };
  }
  const server: EmbeddedRealtimeServer = await startEmbeddedRealtimeServer({
    port: options.realtimePort,
    faults: options.faults,
    replyScale: options.replyScale,
    defaultDialect: options.dialect === 'beta' ? 'beta' : undefined,
  });
  const by = `embedded realtime server ${server.wsUrl} (started by the harness)`;
  const faultOutcomes: FaultOutcome[] = [
    ...server.appliedFaults.map((f): FaultOutcome => ({ fault: faultName(f), status: 'applied', by })),
    ...server.appFaults.map(
      (f): FaultOutcome => ({
        fault: faultName(f),
        status: 'not-applied',
        reason: 'app-side fault: only the reference app applies it, and the app under test is another app',
      }),
    ),
  ];
  return { wsUrl: server.wsUrl, httpUrl: server.httpUrl, how: 'started', faultOutcomes, stop: () => server.stop() };
}
