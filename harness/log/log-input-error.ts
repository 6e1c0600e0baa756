/**
 * A log that cannot be read: one line naming the file, the line and the field, e.g.
 * `run.jsonl:17: field "heapUsedBytes": expected a number, got "12"`. Exit code 2 (bad input).
 */
export class LogInputError extends Error {
  readonly exitCode = 2;
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
