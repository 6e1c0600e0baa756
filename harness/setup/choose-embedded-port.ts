/**
 * The embedded target's port, decided once per run in the Playwright runner (the config is evaluated there first and
 * again in every worker): probe SOAK_PORT (probe-embedded-port.mjs, with spawnSync: the config is synchronous),
 * decide (embedded-port-decision.ts), print the note, and put the port into SOAK_PORT, which the workers (forked
 * after the config loads, with this environment) and their fixtures' settings read. A worker keeps that port (it
 * starts no server); a `playwright test` started from inside a test is a runner of its own and decides afresh.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Settings } from '../config/settings.ts';
import { TOOL_NAME, TOOL_VERSION } from '../config/tool-identity.ts';
import { decideEmbeddedPort, type PortDecision, type PortProbe } from './embedded-port-decision.ts';
import { inPlaywrightWorker } from './run-selection.ts';
import { SetupError } from './setup-error.ts';

const PROBE = fileURLToPath(new URL('./probe-embedded-port.mjs', import.meta.url));

function probePort(port: number): { probe: PortProbe; freePort: number } {
  const result = spawnSync(process.execPath, [PROBE, String(port)], { encoding: 'utf8', timeout: 10_000 });
  try {
    return JSON.parse(result.stdout) as { probe: PortProbe; freePort: number };
  } catch {
    throw new SetupError(
      `could not probe 127.0.0.1:${port} for the embedded target (exit ${result.status ?? result.signal}): ${result.stderr.split('\n')[0] ?? ''}`,
    );
  }
}

export function chooseEmbeddedPort(settings: Pick<Settings, 'port' | 'replyScale'>, env: NodeJS.ProcessEnv = process.env): PortDecision {
  if (inPlaywrightWorker(env)) return { port: settings.port, reuse: false };
  const { probe, freePort } = probePort(settings.port);
  const wanted = { port: settings.port, name: TOOL_NAME, version: TOOL_VERSION, replyScale: settings.replyScale ?? 1, allowReuse: !env.CI };
  const decision = decideEmbeddedPort(wanted, probe, freePort);
  if (decision.note) console.error(`voice-soak: ${decision.note}`);
  env.SOAK_PORT = String(decision.port);
  return decision;
}
