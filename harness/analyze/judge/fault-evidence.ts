/**
 * Evidence that an injected fault reached its side, gathered while the log is read:
 *  - a harness `fault` record {fault, status: 'applied'|'not-applied', by?, reason?} (the harness or a side reporting);
 *  - for the embedded target, the socket URL's `voice_soak_faults` query parameter: the reference app forwards its
 *    whole fault spec there (reference/app/src/realtime-socket.ts), the server applies the server-side faults from it,
 *    and the app applies the app-side ones from the same spec; unless the server said it ignored the parameter;
 *  - a monitor mark the app writes when it applies a fault: voiceSoakMonitor.mark('fault-applied', 'heap-leak:5').
 * Fault specs name faults as `name[:value]` or `name=value`; only the name is compared.
 */
import { faultEntries, faultName } from '../../log/fault-entries.ts';
import type { HarnessEvent, MonitorRecord } from '../../log/log-schema.ts';
import type { FaultEvidence } from './collected-data.ts';
import { dataText } from './harness-data-field.ts';

/** The monitor mark name an app writes when it applies a fault (detail: the fault spec entry). */
export const FAULT_APPLIED_MARK = 'fault-applied';

/** How the embedded server words its error when it ignores a malformed voice_soak_faults (connection-options.ts). */
const SPEC_IGNORED = /^voice_soak_faults ignored/;
const QUERY_KEY = 'voice_soak_faults=';

export function emptyFaultEvidence(): FaultEvidence {
  return { applied: new Map(), notApplied: new Map(), inSocketUrl: new Set(), marked: new Set(), specIgnored: null };
}

export { faultName };

/** Fault names in a URL's voice_soak_faults query parameter ([] when it has none). */
export function faultsInSocketUrl(url: string): string[] {
  const query = url.indexOf('?');
  if (query < 0) return [];
  const param = url
    .slice(query + 1)
    .split('#', 1)[0]!
    .split('&')
    .find((p) => p.startsWith(QUERY_KEY));
  if (param === undefined) return [];
  let spec: string;
  try {
    spec = decodeURIComponent(param.slice(QUERY_KEY.length).replace(/\+/g, ' '));
  } catch {
    return [];
  }
  return faultEntries(spec)
    .map(faultName)
    .filter((name) => name !== '');
}

export function noteFaultRecord(evidence: FaultEvidence, record: HarnessEvent): void {
  const fault = dataText(record, 'fault');
  if (fault === undefined) return;
  const name = faultName(fault);
  const status = dataText(record, 'status');
  if (status === 'applied') {
    if (!evidence.applied.has(name)) evidence.applied.set(name, dataText(record, 'by') ?? 'harness');
  } else if (status === 'not-applied' && !evidence.notApplied.has(name)) {
    evidence.notApplied.set(name, dataText(record, 'reason') ?? 'no reason given');
  }
}

export function noteSocketUrl(evidence: FaultEvidence, url: string): void {
  for (const name of faultsInSocketUrl(url)) evidence.inSocketUrl.add(name);
}

export function noteFaultMark(evidence: FaultEvidence, record: Extract<MonitorRecord, { kind: 'mark' }>): void {
  if (record.name === FAULT_APPLIED_MARK && record.detail) evidence.marked.add(faultName(record.detail));
}

/** A server error saying the fault parameter was ignored voids the socket-URL evidence. */
export function noteServerError(evidence: FaultEvidence, message: string): void {
  if (evidence.specIgnored === null && SPEC_IGNORED.test(message)) evidence.specIgnored = message;
}
