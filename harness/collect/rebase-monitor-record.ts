/**
 * Parse one in-page monitor JSONL line and move its tMs from the monitor's clock (ms since the monitor started in
 * the page) onto the harness clock (ms since the log header's startedAt). Same machine, same wall clock: the offset
 * is the difference of the two start times. Pure; validation happens in the record sink.
 */
export function rebaseMonitorRecord(line: string, monitorStartEpochMs: number, harnessStartEpochMs: number): unknown {
  const record = JSON.parse(line) as { tMs?: unknown };
  if (record && typeof record === 'object' && typeof record.tMs === 'number') {
    record.tMs = Math.max(0, Math.round((record.tMs + monitorStartEpochMs - harnessStartEpochMs) * 1000) / 1000);
  }
  return record;
}
