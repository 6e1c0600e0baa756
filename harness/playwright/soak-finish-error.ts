/**
 * The one-line error of a soak whose reports could not be written (a full disk, most often): it names the log,
 * what failed, and why the run stopped early when it did. No stack: the cause is the disk, not the code.
 */
export function soakFinishError(logPath: string, cause: unknown, stoppedEarly: string | null): Error {
  const why = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0];
  const early = stoppedEarly ? `; the run had stopped early: ${stoppedEarly}` : '';
  const error = new Error(
    `voice-soak: could not write the reports of ${logPath}: ${why}${early}; the log holds every record until then (voice-soak analyze it once there is room)`,
  );
  error.stack = `Error: ${error.message}`;
  return error;
}

/** True for a Node file-system error (ENOSPC, EDQUOT, EIO, EROFS, EACCES, ...), not a problem of the run's data. */
export function isFileSystemError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}
