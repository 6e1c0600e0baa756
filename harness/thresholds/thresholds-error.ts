/** A thresholds setting that cannot be used; the message is one line naming the source and field. Exit code 2. */
export class ThresholdsError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'ThresholdsError';
  }
}
