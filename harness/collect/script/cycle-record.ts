/** The `cycle` log record for one hang-up, from the forced-GC sample taken right after it. Pure. */
import type { CdpSample, CycleRecord } from '../../log/log-schema.ts';

export function cycleRecordFromSample(sample: CdpSample, cycle: number, hungUpBy: CycleRecord['hungUpBy']): CycleRecord {
  return {
    type: 'cycle',
    tMs: sample.tMs,
    cycle,
    hungUpBy,
    ...(sample.live ? { live: { ...sample.live } } : {}),
    eventListeners: sample.eventListeners,
    domNodes: sample.domNodes,
    heapUsedBytes: sample.heapUsedBytes,
    ...(sample.backingStorageBytes === undefined ? {} : { backingStorageBytes: sample.backingStorageBytes }),
  };
}
