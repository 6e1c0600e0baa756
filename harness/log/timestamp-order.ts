/**
 * Timestamps that go backwards are bad input, checked per source (each stream of records stamped by one clock in
 * the order it was written), not across the whole file:
 *  - cdp samples: strictly increasing (the sampler stamps each sample when it arrives; two samples at one instant,
 *    or an earlier one, mean the log was spliced or edited, and give negative sample gaps);
 *  - ws samples, per socketId: non-decreasing (the in-page tap samples each socket in order);
 *  - rt events, per socketId: non-decreasing (frames of one socket in arrival order; equal times are normal);
 *  - harness events other than `note`: non-decreasing (the harness clock, stamped at write time).
 * Not checked: `monitor` records (the monitor stamps a message at arrival but writes it after its handler, and a
 * long-task with its start time, so they are legitimately out of order by up to a task's length) and harness
 * `note`s (the record sink stamps a note about an invalid record with that record's own time).
 * Why not the whole file: the harness writes in-page records when it drains the monitor (every pull, ~1 s), rebased
 * onto its clock, so they land after harness and cdp records up to ~1 s later. Four real e2e harness logs (300-500
 * records) had 54-183 such file-wide inversions each, of up to 1080 ms, and none within one of the streams above
 * (rt had 4-6 equal times per log; synthetic logs are fully sorted). A record at most TIMESTAMP_TOLERANCE_MS earlier
 * is accepted in the non-decreasing streams (rebasing rounds to 1 us; the monitor's zero is re-read on each pull).
 */
import type { LogRecord } from './log-schema.ts';

export const TIMESTAMP_TOLERANCE_MS = 1;

export interface TimestampProblem {
  detail: string;
  field: 'tMs';
}

interface Last {
  tMs: number;
  line: number;
}

function streamOf(record: LogRecord): { key: string; strict: boolean; label: string } | null {
  switch (record.type) {
    case 'cdp':
      return { key: 'cdp', strict: true, label: 'CDP samples' };
    case 'ws':
      return { key: `ws\u0000${record.socketId}`, strict: false, label: `ws samples of socket ${JSON.stringify(record.socketId)}` };
    case 'rt':
      return {
        key: `rt\u0000${record.socketId ?? ''}`,
        strict: false,
        label: record.socketId === undefined ? 'rt events' : `rt events of socket ${JSON.stringify(record.socketId)}`,
      };
    case 'harness':
      return record.kind === 'note' ? null : { key: 'harness', strict: false, label: 'harness events' };
    default:
      return null;
  }
}

/** A checker fed records in file order; returns the problem with a record, or null when its time is in order. */
export function createTimestampOrder(): (record: LogRecord, line: number) => TimestampProblem | null {
  const last = new Map<string, Last>();
  return (record, line) => {
    const stream = streamOf(record);
    if (!stream) return null;
    const previous = last.get(stream.key);
    if (previous) {
      if (record.tMs < previous.tMs - (stream.strict ? 0 : TIMESTAMP_TOLERANCE_MS)) {
        return {
          field: 'tMs',
          detail: `tMs: ${record.tMs} is earlier than line ${previous.line} (${previous.tMs}): timestamps of ${stream.label} must not go backwards`,
        };
      }
      if (stream.strict && record.tMs === previous.tMs) {
        return { field: 'tMs', detail: `tMs: ${record.tMs} is the same as line ${previous.line}: ${stream.label} must have strictly increasing timestamps` };
      }
    }
    if (!previous || record.tMs > previous.tMs) last.set(stream.key, { tMs: record.tMs, line });
    return null;
  };
}
