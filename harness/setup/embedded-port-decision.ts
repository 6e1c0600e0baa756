/**
 * Which port the embedded target of this run uses, from what answers GET /healthz on the port asked for (SOAK_PORT,
 * 8787 by default). A server already there is reused only when it is voice-soak of this version, serving replies of
 * the length this run asks for and no command-line faults (what the config would start itself), and reuse is allowed
 * (not in CI); anything else there (another project's server, another voice-soak, a port that does not speak HTTP)
 * makes the run use a free loopback port instead, and the note says why. Pure: the probe is probe-embedded-port.mjs.
 */
export type PortProbe = { state: 'free' } | { state: 'http'; status: number; body: string } | { state: 'other'; detail: string };

export interface WantedServer {
  port: number;
  name: string;
  version: string;
  replyScale: number;
  allowReuse: boolean;
}

export interface PortDecision {
  port: number;
  reuse: boolean;
  /** One line for the user when the run does not simply start its server on the port asked for. */
  note?: string;
}

interface Health {
  name?: unknown;
  version?: unknown;
  replyScale?: unknown;
  faults?: unknown;
}

function parseHealth(body: string): Health | null {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Health) : null;
  } catch {
    return null;
  }
}

const clip = (value: unknown): string =>
  String(value)
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, 60);

/** Why the server on the port is not one this run can use, or null when it is. */
function mismatch(probe: Extract<PortProbe, { state: 'http' }>, wanted: WantedServer): string | null {
  const health = probe.status === 200 ? parseHealth(probe.body) : null;
  if (!health || health.name !== wanted.name)
    return `a server that is not ${wanted.name} (GET /healthz: ${probe.status}${health ? `, name ${clip(health.name)}` : ''})`;
  if (health.version !== wanted.version) return `${wanted.name} ${clip(health.version)}, not ${wanted.version}`;
  if (health.faults !== '') return `a ${wanted.name} server with faults ${clip(health.faults)}`;
  if (health.replyScale !== wanted.replyScale) return `a ${wanted.name} server with reply scale ${clip(health.replyScale)}, not ${wanted.replyScale}`;
  return null;
}

export function decideEmbeddedPort(wanted: WantedServer, probe: PortProbe, freePort: number): PortDecision {
  if (probe.state === 'free') return { port: wanted.port, reuse: false };
  const elsewhere = (what: string): PortDecision => ({
    port: freePort,
    reuse: false,
    note: `127.0.0.1:${wanted.port} is taken by ${what}: this run's embedded target uses 127.0.0.1:${freePort}`,
  });
  if (probe.state === 'other') return elsewhere(`something that does not answer HTTP (${clip(probe.detail)})`);
  const why = mismatch(probe, wanted);
  if (why) return elsewhere(why);
  if (!wanted.allowReuse) return elsewhere(`a ${wanted.name} ${wanted.version} server already running (CI never reuses one)`);
  return { port: wanted.port, reuse: true, note: `reusing the ${wanted.name} ${wanted.version} server already on 127.0.0.1:${wanted.port}` };
}
