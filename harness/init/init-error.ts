/** A project `voice-soak init` cannot set up as it is; the message names the file and what to do. Exit 65 (EX_DATAERR), or 66 (EX_NOINPUT) when there is no Playwright config. */
export class InitError extends Error {
  constructor(
    message: string,
    readonly exitCode: 65 | 66 = 65,
  ) {
    super(message);
    this.name = 'InitError';
  }
}
