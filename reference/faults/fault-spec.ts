/**
 * Fault spec strings: comma-separated `name[:value]` (`name=value` is accepted too, as the CLI's --fault uses it),
 * e.g. "ttfr-growth:200,stall:3,ws-backpressure". Pure module (the app bundles it).
 */
import { faultCatalog, findFault, renamedFaults } from './fault-catalog.ts';
import type { FaultSpec } from './fault-catalog.ts';

export type { FaultSpec, FaultKey, FaultSide, FaultDefinition } from './fault-catalog.ts';
export { faultCatalog } from './fault-catalog.ts';

export function parseFaultSpec(spec: string): FaultSpec {
  const result: FaultSpec = {};
  const entries = spec
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  for (const entry of entries) {
    const match = /^([a-z-]+)(?:[:=](.*))?$/.exec(entry);
    const name = match?.[1] ?? entry;
    const def = match ? findFault(name) : undefined;
    const renamed = Object.hasOwn(renamedFaults, name) ? renamedFaults[name] : undefined;
    if (!def && renamed) throw new Error(`fault spec: "${name}" is now called "${renamed}" (in "${entry}")`);
    if (!def) {
      throw new Error(`fault spec: unknown fault "${entry}" (expected one of: ${faultCatalog.map((f) => f.name).join(', ')})`);
    }
    const rawValue = match?.[2];
    if (def.kind === 'flag') {
      if (rawValue !== undefined && rawValue !== '' && rawValue !== 'true' && rawValue !== '1') {
        throw new Error(`fault spec: "${entry}": ${def.name} takes no value`);
      }
      (result as Record<string, unknown>)[def.key] = true;
      continue;
    }
    const value = rawValue === undefined || rawValue === '' ? Number(def.defaultValue) : Number(rawValue);
    const inRange = Number.isFinite(value) && (def.min === undefined || value >= def.min) && (def.max === undefined || value <= def.max);
    if (!inRange || (def.integer && !Number.isInteger(value))) {
      const kind = def.integer ? 'an integer' : 'a number';
      throw new Error(`fault spec: "${entry}": ${def.name} needs ${kind} in ${def.min}..${def.max}`);
    }
    (result as Record<string, unknown>)[def.key] = value;
  }
  return result;
}

/** Inverse of parseFaultSpec, in catalog order: parseFaultSpec(formatFaultSpec(f)) deep-equals f. */
export function formatFaultSpec(f: FaultSpec): string {
  const parts: string[] = [];
  for (const def of faultCatalog) {
    const value = f[def.key];
    if (value === undefined || value === false) continue;
    parts.push(def.kind === 'flag' ? def.name : `${def.name}:${value}`);
  }
  return parts.join(',');
}

/** Later specs override earlier ones fault by fault (server defaults, then the connection's query). */
export function mergeFaultSpecs(...specs: FaultSpec[]): FaultSpec {
  return Object.assign({}, ...specs) as FaultSpec;
}
