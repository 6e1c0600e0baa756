/**
 * The names SOAK_FAULTS accepts, so a typo is a settings error at start instead of a run that tested nothing. The
 * harness may not import target/ (reference/faults/fault-catalog.ts owns the faults and their values); this copy of
 * the names is checked against that catalog by tests/unit/config/fault-names.test.ts. Values are checked where the
 * fault is applied (the embedded server and app).
 */
import { faultEntries, faultName } from '../log/fault-entries.ts';

export const FAULT_NAMES: readonly string[] = [
  'heap-leak',
  'retain-audio',
  'retain-audiobuffers',
  'leak-audiocontext',
  'audio-backlog',
  'slow-handler',
  'ws-backpressure',
  'ttfr-growth',
  'stall',
  'protocol-errors',
  'drop-connection',
  'rtp-loss',
  'rtp-jitter',
  'datachannel-stall',
  'detached-dom',
  'listener-leak',
  'playback-jitter',
  'slow-playback-start',
  'late-audio',
];

/** Old fault names and what they are called now (reference/faults/fault-catalog.ts renamedFaults). */
export const RENAMED_FAULTS: Readonly<Record<string, string>> = { 'latency-growth': 'ttfr-growth' };

/** The fault names in a SOAK_FAULTS value (`heap-leak=2,stall`) that are not known, in order. */
export function unknownFaultNames(spec: string): string[] {
  return faultEntries(spec)
    .map(faultName)
    .filter((name) => !FAULT_NAMES.includes(name));
}
