/**
 * `voice-soak verdict <soak-summary.json>`: the gate for merged shard results (merge-reports exits 0 whatever the
 * verdict): prints the summary table and exits 1 when the summary failed, 0 when it passed, 2 when unusable.
 */
import { readFile } from 'node:fs/promises';
import { soakSummarySchema } from '../verdict/soak-summary-schema.ts';
import { renderSummaryTable } from '../render/render-summary-table.ts';
import { InputError, fileError } from '../log/log-input-error.ts';
import { parseCommandArgs } from './parse-args.ts';
import { stripControlChars } from '../render/strip-control-chars.ts';
import { terminalSafeErrors } from './terminal-safe-errors.ts';

export function run(args: string[]): Promise<number> {
  return terminalSafeErrors(() => verdict(args));
}

async function verdict(args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, { command: 'verdict', positionals: ['soak-summary.json'], options: [] });
  const path = positionals[0]!;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw fileError(error, path);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not JSON (${(error as Error).message})`);
  }
  const parsed = soakSummarySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`${path}: field "${issue.path.join('.') || '(root)'}": ${issue.message}`);
  }
  process.stdout.write(stripControlChars(renderSummaryTable(parsed.data))); // titles and messages come from runs
  console.log(`verdict: ${parsed.data.status}`);
  return parsed.data.status === 'passed' ? 0 : 1;
}
