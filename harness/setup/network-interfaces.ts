/**
 * What network this process has, as a fact read from /proc/net/dev (every interface, up or down), not from a
 * setting: the log header records it (meta.network), so a report can say whether the run was isolated.
 */
import { readFileSync } from 'node:fs';

/** Interface names in /proc/net/dev (null where there is none: not Linux). */
export function networkInterfaceNames(procNetDev = '/proc/net/dev'): string[] | null {
  let text: string;
  try {
    text = readFileSync(procNetDev, 'utf8');
  } catch {
    return null;
  }
  return text
    .split('\n')
    .slice(2)
    .map((line) => line.split(':')[0]!.trim())
    .filter((name) => name.length > 0);
}

export const ISOLATED_NETWORK = 'isolated: a network namespace with only loopback (lo)';

/** The header's meta.network: isolated, or the host's network with or without the SOAK_LOOPBACK_ONLY guard. */
export function describeNetwork(loopbackOnly: boolean, interfaces: string[] | null = networkInterfaceNames()): string {
  if (interfaces !== null && interfaces.length > 0 && interfaces.every((name) => name === 'lo')) return ISOLATED_NETWORK;
  const host = `host network${interfaces?.length ? ` (${interfaces.join(', ')})` : ''}`;
  return loopbackOnly ? `${host}; requests to other hosts aborted (SOAK_LOOPBACK_ONLY)` : host;
}
