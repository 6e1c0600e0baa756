/** One line per bad setting: `SOAK_DURATION: expected a duration like 7m or 90s, got "7 minutes"`. */
import type { z } from 'zod';

export class SettingsError extends Error {
  readonly exitCode = 78; // EX_CONFIG
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'SettingsError';
  }

  static fromZod(error: z.ZodError, env: NodeJS.ProcessEnv): SettingsError {
    const problems = error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'settings');
      const got = env[name];
      const message = issue.message.includes('got ') || got === undefined ? issue.message : `${issue.message}, got "${got}"`;
      return `${name}: ${message}`;
    });
    return new SettingsError(problems);
  }
}
