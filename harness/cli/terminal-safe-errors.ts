/**
 * The dispatcher (bin/voice-soak.mjs) prints an error's message to the terminal; messages quote values from logs
 * and servers, so a command's errors leave it with escape sequences and control characters made visible
 * (strip-control-chars.ts). The exitCode and the class are kept.
 */
import { stripControlChars } from '../render/strip-control-chars.ts';

export async function terminalSafeErrors<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof Error) error.message = stripControlChars(error.message);
    throw error;
  }
}

/** One `voice-soak <command>: warning: ...` line on stderr, its text made terminal-safe. */
export function writeWarning(command: string, warning: string): void {
  process.stderr.write(`voice-soak ${command}: warning: ${stripControlChars(warning.replace(/[\r\n]+/g, ' '))}\n`);
}
