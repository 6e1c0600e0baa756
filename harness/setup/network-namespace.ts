/**
 * SOAK_ISOLATE_NETWORK=1: the whole `playwright test` run (runner, workers, the browser, the embedded server, Xvfb)
 * runs again inside a new network namespace in which only loopback is up, so no packet can leave the machine.
 * The Playwright config calls rerunInNetworkNamespace() in the runner process; what needs the network (npm packages,
 * Chromium, Xvfb) was installed before by `voice-soak doctor --fix` (npm run soak / npm test run it): it re-executes the same command line under
 * `unshare -n sh -c 'ip link set lo up && exec "$@"'` with stdio inherited, forwards stop signals, and exits with the
 * inner run's code. The inner run carries NETWORK_NAMESPACE_MARKER, so it (and its workers) do not enter again.
 * Loopback servers outside that the settings name (your app, your realtime server) are bridged in.
 * A machine that cannot make a namespace gets one line and exit 69 (SetupError) before anything starts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { BRIDGES_ENV, loopbackEndpoints, openOuterBridges } from './loopback-bridge.ts';
import { SettingsError } from '../config/settings-error.ts';
import { SetupError } from './setup-error.ts';

export const NETWORK_NAMESPACE_MARKER = 'VOICE_SOAK_NETWORK_NAMESPACE';

/** True in the outer run of SOAK_ISOLATE_NETWORK=1: the one that has to enter the namespace. */
export function needsNetworkNamespace(isolateNetwork: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return isolateNetwork && env[NETWORK_NAMESPACE_MARKER] !== '1';
}

const IP_PATHS = ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'];

/**
 * `unshare` arguments that run `command` in a new network namespace with lo up. Root needs only -n; another user
 * also needs -r (a user namespace in which it is root, allowed where unprivileged user namespaces are). setpriv's
 * parent-death signal, where setpriv exists, stops the inner run when this process dies without forwarding a signal.
 */
export function namespaceArgs(command: readonly string[], uid: number, has: (path: string) => boolean = existsSync): string[] {
  const ip = IP_PATHS.find(has) ?? 'ip';
  const flags = uid === 0 ? ['-n'] : ['-r', '-n'];
  const deathSignal = has('/usr/bin/setpriv') ? ['/usr/bin/setpriv', '--pdeathsig', 'TERM', '--'] : [];
  return [...flags, '--', ...deathSignal, 'sh', '-c', `${ip} link set lo up && exec "$@"`, 'sh', ...command];
}

function firstLine(text: string): string {
  const line =
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? '';
  return line.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 200);
}

/** Tries `unshare ... true`; throws a SetupError (exit 69) saying why the namespace cannot be made. */
export function checkNamespaceWorks(uid: number): void {
  const probe = spawnSync('unshare', namespaceArgs(['true'], uid), { encoding: 'utf8', timeout: 10_000 });
  const advice = 'run without SOAK_ISOLATE_NETWORK, or allow it (root, or unprivileged user namespaces: sysctl kernel.unprivileged_userns_clone=1)';
  if (probe.error) {
    const why = (probe.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'unshare (util-linux) is not installed' : probe.error.message;
    throw new SetupError(`SOAK_ISOLATE_NETWORK=1: this machine cannot make a network namespace: ${why}; ${advice}`);
  }
  if (probe.status !== 0) {
    const why = firstLine(probe.stderr) || `unshare exited with ${probe.status ?? probe.signal}`;
    throw new SetupError(`SOAK_ISOLATE_NETWORK=1: this machine cannot make a network namespace (${why}); ${advice}`);
  }
}

/** A server the settings name that an isolated run cannot reach (not on loopback) is a settings mistake (exit 78). */
function checkReachable(reach: Readonly<Record<string, string | undefined>>): void {
  const problems = Object.entries(reach)
    .filter(([, url]) => url !== undefined && /^(https?|wss?):/.test(url) && loopbackEndpoints([url]).length === 0)
    .map(([name, url]) => `${name}: ${url} is not on this machine's loopback, and with SOAK_ISOLATE_NETWORK=1 the run reaches only loopback servers`);
  if (problems.length) throw new SettingsError(problems);
}

/**
 * Re-runs this command line in the namespace and exits with its code; the returned promise never resolves. `reach`:
 * the servers outside that the run is told to use, by setting name; their loopback ports are bridged in
 * (loopback-bridge.ts).
 */
export async function rerunInNetworkNamespace(
  reach: Readonly<Record<string, string | undefined>> = {},
  argv: string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
): Promise<never> {
  checkReachable(reach);
  const uid = process.getuid?.() ?? -1;
  checkNamespaceWorks(uid);
  const bridges = openOuterBridges(loopbackEndpoints(Object.values(reach)));
  const command = [process.execPath, ...process.execArgv, ...argv.slice(1)];
  const innerEnv = { ...env, [NETWORK_NAMESPACE_MARKER]: '1', [BRIDGES_ENV]: bridges.length ? JSON.stringify(bridges) : '' };
  const child = spawn('unshare', namespaceArgs(command, uid), { stdio: 'inherit', env: innerEnv });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  return new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new SetupError(`SOAK_ISOLATE_NETWORK=1: could not start the run in a network namespace: ${error.message}`)));
    child.once('exit', (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}
