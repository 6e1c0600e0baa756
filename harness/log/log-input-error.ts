/**
 * Input that cannot be used, as one line naming the file (and, for a log, the line and the field), e.g.
 * `run.jsonl:17: field "heapUsedBytes": expected a number, got "12"`. Exit code 2 (bad input): the commands'
 * dispatcher (bin/voice-soak.mjs) prints the message and exits with `exitCode`. Here, with the log, because every
 * stage that reads a file (the analyzer, the verdict's baseline, the CLI) raises them.
 */
export class InputError extends Error {
  readonly exitCode: number = 2;
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export class LogInputError extends InputError {
  readonly file: string;
  readonly line: number | null;
  readonly field: string | null;

  constructor(file: string, line: number | null, detail: string, field: string | null = null) {
    super(`${file}${line === null ? '' : `:${line}`}: ${detail}`);
    this.name = 'LogInputError';
    this.file = file;
    this.line = line;
    this.field = field;
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
