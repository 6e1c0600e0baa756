/**
 * One interruption, one record: when a safeguard interrupts a response through the app's hook, the app usually
 * reports the same interruption back (recordInterruption). A second record with the same reason for the same
 * response (or no response id on either side) within windowMs is a duplicate.
 */
export interface InterruptionNote {
  tMs: number;
  reason: string;
  responseId?: string | undefined;
}

export function createInterruptionDedupe(windowMs = 1_000): (note: InterruptionNote) => boolean {
  let last: InterruptionNote | null = null;
  return (note) => {
    const duplicate =
      last !== null &&
      note.reason === last.reason &&
      Math.abs(note.tMs - last.tMs) <= windowMs &&
      (note.responseId === undefined || last.responseId === undefined || note.responseId === last.responseId);
    if (!duplicate) last = note;
    return duplicate;
  };
}
