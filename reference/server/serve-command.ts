/**
 * `npx voice-soak serve`: runs the embedded realtime server until SIGINT/SIGTERM, then closes it and returns 0.
 * Bad arguments: one line on stderr, exit 64.
 */
import { faultCatalog, formatFaultSpec, type FaultSide, type FaultSpec } from '../faults/fault-spec.ts';
import { parseServeArgs } from './parse-serve-args.ts';
import type { ServeArgs } from './parse-serve-args.ts';
import { startRealtimeServer } from './start-realtime-server.ts';

const usage = `usage: voice-soak serve [--port N] [--host 127.0.0.1] [--fault NAME[=VALUE]]... [--reply-scale X] [--dialect ga|beta] [--allow-remote]
       [--max-memory-mb MB (256)] [--max-connection-memory-mb MB (64)]   budget of buffered client input
faults: heap-leak[=MB_PER_MIN] audio-backlog slow-handler[=MS] ws-backpressure ttfr-growth[=MS_PER_TURN]
        stall[=TURN] protocol-errors[=RATE] drop-connection[=SECONDS]   (see reference/faults/README.md)`;

function pickFaults(faults: FaultSpec, side: FaultSide): FaultSpec {
  const picked: Record<string, unknown> = {};
  for (const def of faultCatalog) if (def.side === side && faults[def.key] !== undefined) picked[def.key] = faults[def.key];
  return picked as FaultSpec;
}

export async function run(args: string[]): Promise<number> {
  let parsed: ServeArgs;
  try {
    parsed = parseServeArgs(args);
  } catch (error) {
    console.error(`voice-soak serve: ${error instanceof Error ? error.message : String(error)}`);
    return 64;
  }
  if (parsed.help) {
    console.log(usage);
    return 0;
  }
  const verbose = process.env.VOICE_SOAK_SERVER_LOG === '1';
  const server = await startRealtimeServer({
    port: parsed.port,
    host: parsed.host,
    faults: parsed.faults,
    replyScale: parsed.replyScale,
    defaultDialect: parsed.defaultDialect,
    maxMemoryMb: parsed.maxMemoryMb,
    maxConnectionMemoryMb: parsed.maxConnectionMemoryMb,
    log: (line) => (verbose || line.startsWith('app build failed') ? console.error(`[serve] ${line}`) : undefined),
  });
  const base = server.httpUrl.replace(/\/$/, '');
  console.log(`voice-soak serve: app        ${server.httpUrl}`);
  console.log(`voice-soak serve: realtime   ${server.wsUrl}  (any path works: ${base.replace('http', 'ws')}/)`);
  console.log(`voice-soak serve: health     ${base}/healthz`);
  // One line each for the faults this server applies and those it cannot (app-side faults live in the reference
  // app); the harness reads these two lines to tell the report which injected faults really reached the server.
  const serverFaults = formatFaultSpec(pickFaults(parsed.faults, 'server'));
  const appFaults = formatFaultSpec(pickFaults(parsed.faults, 'app'));
  if (serverFaults) console.log(`voice-soak serve: faults     ${serverFaults}`);
  if (appFaults) console.log(`voice-soak serve: app-faults ${appFaults}  (not applied here: only the reference app applies them)`);
  console.log('voice-soak serve: Ctrl+C to stop');
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  await server.close();
  console.log(`voice-soak serve: stopped (${signal})`);
  return 0;
}
