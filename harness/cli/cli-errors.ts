/**
 * Errors the commands throw; the dispatcher (bin/voice-soak.mjs) prints the one-line message and exits with
 * `exitCode`: 64 for bad usage (sysexits EX_USAGE). An input file that cannot be used is an InputError (exit 2),
 * raised by every stage that reads files: harness/log/log-input-error.ts.
 */
export class UsageError extends Error {
  readonly exitCode = 64;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
