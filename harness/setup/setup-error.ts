/** A machine-setup problem the user has to fix; its message says what to do. */
export class SetupError extends Error {
  readonly exitCode = 69; // EX_UNAVAILABLE
  constructor(message: string) {
    super(message);
    this.name = 'SetupError';
  }
}
