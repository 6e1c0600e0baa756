/**
 * How the Playwright config and globalSetup stop a run that cannot start: one line `voice-soak: <message>` on
 * stderr, the error's own exit code (78 a bad setting, 69 a missing dependency or server) or the fallback, and a
 * stack trace only with SOAK_DEBUG.
 */
export function exitWithError(error: unknown, fallbackCode: number): never {
  const e = error as Error & { exitCode?: number };
  console.error(`voice-soak: ${e.message}`);
  if (process.env.SOAK_DEBUG) console.error(e.stack);
  process.exit(e.exitCode ?? fallbackCode);
}
