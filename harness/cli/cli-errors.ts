/**
 * Errors the commands throw; the dispatcher (bin/voice-soak.mjs) prints the one-line message and exits with
 * `exitCode`: 64 for bad usage (sysexits EX_USAGE), 2 for an input file that cannot be used.
 */
export class UsageError extends Error {
  readonly exitCode = 64;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export class InputError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** An fs error (missing file, directory, no permission) as an InputError naming the file. Others pass through. */
export function fileError(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'is a directory, not a file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOTDIR: 'a part of the path is not a directory',
  };
  return code && reasons[code] ? new InputError(`${path}: ${reasons[code]}`) : error;
}
