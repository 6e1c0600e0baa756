/**
 * The detection matrix's cases: every fault of the reference app and of the embedded server (reference/faults/
 * fault-catalog.ts), each with the assertion ids that name it, its detection floor and where that floor comes from,
 * and three severities including the floor (a flag or a position has one). Floors:
 *  - "synth": the documented floor of harness/synth/synth-faults.ts (the smallest severity the analyzer flags in a
 *    generated 7-minute log, checked by tests/unit/synth/detection-floor.test.ts), where a real fault has the same unit;
 *  - "faults README": the severity reference/faults/README.md documents as the one that shows;
 *  - "derived": from the default threshold the check judges against, as the note says.
 */
import { faultCatalog } from '../../reference/faults/fault-spec.ts';

export interface MatrixFault {
  name: string;
  /** The assertion ids that count as detecting this fault (any of them failed, error or warn level). */
  detects: readonly string[];
  /** The documented or derived floor, in the fault's own unit; null for a flag. */
  floor: number | null;
  unit: string;
  floorSource: string;
  /** Fault values to run (the floor among them); [null] for a flag. */
  severities: readonly (number | null)[];
  /** Extra SOAK_* settings the fault needs (a script with room after replies, start/stop cycles, WebRTC). */
  settings?: Record<string, string>;
}

const SPACED_SCRIPT = 'tests/e2e/user-runs/spaced-turns-script.json';

const SPACED = { SOAK_SCRIPT: SPACED_SCRIPT };
const WEBRTC = { SOAK_TRANSPORT: 'webrtc' };

function fault(
  name: string,
  unit: string,
  floor: number | null,
  severities: readonly (number | null)[],
  detects: readonly string[],
  floorSource: string,
  settings?: Record<string, string>,
): MatrixFault {
  return { name, unit, floor, severities, detects, floorSource, ...(settings ? { settings } : {}) };
}

export const MATRIX_FAULTS: readonly MatrixFault[] = [
  fault('heap-leak', 'MB/min', 1.5, [1.5, 5, 20], ['heap-growth'], 'synth heap-leak (budget heapSlopeMbPerMin 1)'),
  fault('retain-audio', 'MB/min', 0.3, [0.3, 1, 4], ['buffer-growth'], 'synth buffer-leak (budget bufferSlopeMbPerMin 0.25)'),
  fault('retain-audiobuffers', 'MB/min', 0.3, [0.3, 2, 8], ['buffer-growth', 'process-memory-growth'], 'synth buffer-leak (budget bufferSlopeMbPerMin 0.25)'),
  fault('leak-audiocontext', 'flag', null, [null], ['cycle-leak'], 'flag: one context per start/stop cycle (SOAK_CYCLES 4)', { SOAK_CYCLES: '4' }),
  fault('audio-backlog', 'flag', null, [null], ['audio-backlog'], 'flag'),
  fault(
    'slow-handler',
    'ms',
    0,
    [0, 80, 300],
    ['slow-event-processing', 'message-latency', 'latency-growth'],
    'derived: every value adds a 5.5 s block now and then (slow-handler-fault.ts), over eventProcessingTimeoutMs 5000',
  ),
  fault('ws-backpressure', 'flag', null, [null], ['ws-backpressure'], 'flag'),
  fault('ttfr-growth', 'ms/turn', 30, [30, 100, 300], ['ttfr-growth'], 'synth ttfr-growth (budget ttfrSlopeMsPerMin 100)'),
  fault(
    'stall',
    'turn',
    2,
    [2],
    ['response-timeouts', 'interruptions'],
    'derived: a position, not a severity; any turn inside the run (responseTimeoutMs 10 s)',
  ),
  fault('protocol-errors', 'per turn', 0.2, [0.2, 0.3, 1], ['errors'], 'synth errors'),
  fault('drop-connection', 's', 30, [10, 20, 30], ['errors', 'socket-drops'], 'derived: a time, not a severity; any drop inside the run'),
  fault(
    'detached-dom',
    'spans/delta',
    1,
    [1, 4, 16],
    ['dom-growth'],
    "derived: the fault's smallest setting; synth dom-leak floor 300 nodes/min (budget domNodeSlopePerMin 200)",
  ),
  fault(
    'listener-leak',
    'listeners/delta',
    1,
    [1, 2, 4],
    ['listener-growth'],
    "derived: the fault's smallest setting; synth listener-leak floor 75/min (budget listenerSlopePerMin 50)",
  ),
  fault('playback-jitter', 'ms', 2000, [1000, 2000, 4000], ['playback-gaps'], 'faults README (at 1000 about one reply in ten has a gap)', SPACED),
  fault('slow-playback-start', 'ms', 2500, [2500, 3000, 4000], ['mouth-to-ear'], 'synth slow-playback-start (budget mouthToEarP95Ms 3500)', SPACED),
  fault('late-audio', 'ms', 2500, [2500, 4000, 6000], ['slow-first-response', 'mouth-to-ear'], 'synth slow-first-response (budget ttfrP95Ms 3000)'),
  fault('rtp-loss', 'share', 0.02, [0.02, 0.05, 0.2], ['packet-loss', 'audio-concealment'], 'derived: twice the budget MAX_PACKET_LOSS_SHARE 0.01', WEBRTC),
  fault(
    'datachannel-stall',
    'ms',
    6000,
    [6000, 10000, 20000],
    ['datachannel-stall'],
    'derived: a held channel over the budget maxDataChannelWaitMs 5000 plus a 1 s sample interval',
    WEBRTC,
  ),
  fault(
    'rtp-jitter',
    'ms',
    150,
    [100, 150, 200],
    ['jitter-growth', 'jitter-buffer-growth', 'audio-concealment'],
    'measured: D = 150 ended 30 s soaks at a median jitter of 27-57 ms against MAX_JITTER_MS 20; D = 60 stayed under it (near D/5, not D/3)',
    WEBRTC,
  ),
];

/** The catalog's faults the matrix has no case for (a new fault must get one: the bench refuses to run without). */
export function faultsWithoutCase(): string[] {
  return faultCatalog.map((f) => f.name).filter((name) => !MATRIX_FAULTS.some((m) => m.name === name));
}

export function faultSpecOf(fault: MatrixFault, severity: number | null): string {
  return severity === null ? fault.name : `${fault.name}:${severity}`;
}
