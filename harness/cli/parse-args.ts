/**
 * The commands' shared argument parser: node:util parseArgs in strict mode, with its errors turned into one-line
 * UsageErrors (exit 64) that name the command, the bad argument and what is allowed.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './cli-errors.ts';

export interface CommandSpec<Name extends string> {
  command: string;
  /** Names of the required positional arguments, in order (used in messages). */
  positionals: readonly string[];
  /** The last positional takes one or more values (`<reports...>`). */
  variadic?: boolean;
  /** String-valued options (`--format text`); no short aliases. */
  options: readonly Name[];
  /** Allowed values per option, when restricted. */
  choices?: Partial<Record<Name, readonly string[]>>;
  /** Placeholder of an option's value in the usage line (default VALUE). */
  metavars?: Partial<Record<Name, string>>;
}

export interface ParsedCommand<Name extends string> {
  positionals: string[];
  values: Partial<Record<Name, string>>;
}

export function parseCommandArgs<Name extends string>(args: string[], spec: CommandSpec<Name>): ParsedCommand<Name> {
  const usage = `usage: voice-soak ${spec.command} ${spec.positionals.map((p, i) => `<${p}${spec.variadic && i === spec.positionals.length - 1 ? '...' : ''}>`).join(' ')} ${spec.options.map((o) => `[--${o} ${spec.choices?.[o]?.join('|') ?? spec.metavars?.[o] ?? 'VALUE'}]`).join(' ')}`;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    const options = Object.fromEntries(spec.options.map((name) => [name, { type: 'string' as const }]));
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new UsageError(`${message.replace(/\. To specify a positional argument.*$/, '')} (${usage})`);
  }
  const values = parsed.values as Partial<Record<Name, string>>;
  for (const [name, allowed] of Object.entries(spec.choices ?? {}) as [Name, readonly string[]][]) {
    const value = values[name];
    if (value !== undefined && !allowed.includes(value)) {
      throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${value}"`);
    }
  }
  for (const name of spec.options) {
    if (values[name] === '') throw new UsageError(`--${name} needs a value (${usage})`);
  }
  if (parsed.positionals.length < spec.positionals.length) {
    throw new UsageError(`missing <${spec.positionals[parsed.positionals.length]}> (${usage})`);
  }
  if (!spec.variadic && parsed.positionals.length > spec.positionals.length) {
    throw new UsageError(`unexpected argument "${parsed.positionals[spec.positionals.length]}" (${usage})`);
  }
  return { positionals: parsed.positionals, values };
}
