/**
 * Starts the embedded realtime server for a run whose app is not the reference app (SOAK_REDIRECT_WS without
 * SOAK_REALTIME_URL, or SOAK_REALTIME_PORT): `voice-soak serve` as a child process on 127.0.0.1 (port 0 = a free
 * one), with the run's faults. The harness never imports target/: it runs the CLI and reads its start-up lines
 * (the realtime URL, the faults it applies, the app-side faults it cannot). stop() ends it (SIGTERM, then SIGKILL).
 * It runs in its own process group, so a Ctrl-C to the terminal's group does not kill the target before the soak
 * has stopped (the report would blame the server); the exit of this process ends it too, so it is never orphaned.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { faultEntries } from '../log/fault-entries.ts';

const CLI = fileURLToPath(new URL('../../bin/voice-soak.mjs', import.meta.url));
const READY_TIMEOUT_MS = 30_000;

export interface EmbeddedRealtimeServer {
  wsUrl: string;
  httpUrl: string;
  /** Faults the server applies, as name[:value] entries. */
  appliedFaults: string[];
  /** App-side faults it was given and cannot apply. */
  appFaults: string[];
  stop(): Promise<void>;
}

export class EmbeddedServerError extends Error {
  readonly exitCode = 69; // EX_UNAVAILABLE
}

export async function startEmbeddedRealtimeServer(options: {
  port?: number;
  faults?: string;
  replyScale?: number;
  defaultDialect?: 'ga' | 'beta';
}): Promise<EmbeddedRealtimeServer> {
  const args = [CLI, 'serve', '--host', '127.0.0.1', '--port', String(options.port ?? 0)];
  for (const fault of faultEntries(options.faults ?? '')) args.push('--fault', fault);
  if (options.replyScale !== undefined) args.push('--reply-scale', String(options.replyScale));
  if (options.defaultDialect) args.push('--dialect', options.defaultDialect);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env }, detached: true });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const where = `voice-soak serve --port ${options.port ?? 0}`;
  const ready = await new Promise<{ wsUrl: string; httpUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      const detail = stderr.trim().split('\n').filter(Boolean).pop();
      reject(new EmbeddedServerError(`embedded realtime server (${where}) ${why}${detail ? `: ${detail.replace(/^voice-soak serve: /, '')}` : ''}`));
    };
    const onExit = (code: number | null) => fail(`exited with code ${code} before it was ready`);
    const onData = (chunk: string) => {
      stdout += chunk;
      if (!stdout.includes('Ctrl+C to stop')) return;
      // Ready: stop listening for start-up lines (its later lines, e.g. "stopped", must not be read as these).
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      child.stdout!.resume();
      const ws = /realtime\s+(ws:\/\/\S+)/.exec(stdout)?.[1];
      const http = /app\s+(http:\/\/\S+)/.exec(stdout)?.[1];
      clearTimeout(timer);
      if (!ws || !http) fail('printed no realtime URL');
      else resolve({ wsUrl: ws, httpUrl: http });
    };
    child.on('exit', onExit);
    child.stdout!.on('data', onData);
  });
  const appliedFaults = faultEntries(/faults\s{2,}(\S+)/.exec(stdout)?.[1] ?? '');
  const appFaults = faultEntries(/app-faults\s+(\S+)/.exec(stdout)?.[1] ?? '');
  return { ...ready, appliedFaults, appFaults, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
