/**
 * One field of a harness record's structured `data` (fault, dialog, worker-ws, blocked records), by type. The schema
 * allows any short string, number or boolean per key, so a field of the wrong type reads as absent.
 */
import type { HarnessEvent } from '../../log/log-schema.ts';

export function dataText(record: HarnessEvent, key: string): string | undefined {
  const value = record.data?.[key];
  return typeof value === 'string' ? value : undefined;
}

export function dataNumber(record: HarnessEvent, key: string): number | undefined {
  const value = record.data?.[key];
  return typeof value === 'number' ? value : undefined;
}

export function dataFlag(record: HarnessEvent, key: string): boolean | undefined {
  const value = record.data?.[key];
  return typeof value === 'boolean' ? value : undefined;
}
