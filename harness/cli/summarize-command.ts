/**
 * `voice-soak summarize <reports...> [--out-dir DIR] [--baseline FILE] [--history FILE] [--trend-runs N]`
 * The soak reporter's summary without Playwright: each input is a report JSON or a soak-summary.json (several shards'
 * summaries or reports make one summary). Writes <out-dir>/soak-summary.json and .md (out-dir: --out-dir, else
 * SOAK_OUTPUT_DIR, else soak-runs), checks --baseline, appends --history when given (the reporter already appended
 * its own run), prints the table. The gate of sharded CI: exit 0 when the summary passed, 1 when it failed (a
 * breached error-level budget, a regression, a missing report, or a baseline or summary that could not be used),
 * 2 on an unusable input file or field, 64 on bad usage.
 */
import { summarizeSoakRun, type SoakTestOutcome } from '../render/summarize-soak-run.ts';
import { stripControlChars } from '../render/strip-control-chars.ts';
import { UsageError } from './cli-errors.ts';
import { loadSummaryInput } from './load-summary-input.ts';
import { parseCommandArgs } from './parse-args.ts';
import { terminalSafeErrors, writeWarning } from './terminal-safe-errors.ts';

export function run(args: string[]): Promise<number> {
  return terminalSafeErrors(() => summarize(args));
}

async function summarize(args: string[]): Promise<number> {
  const { positionals, values } = parseCommandArgs(args, {
    command: 'summarize',
    positionals: ['reports'],
    variadic: true,
    options: ['out-dir', 'baseline', 'history', 'trend-runs'],
    metavars: { 'out-dir': 'DIR', baseline: 'FILE', history: 'FILE', 'trend-runs': 'N' },
  });
  const trendRuns = values['trend-runs'] === undefined ? 14 : Number(values['trend-runs']);
  if (!Number.isInteger(trendRuns) || trendRuns < 1) throw new UsageError(`--trend-runs must be a positive integer, got "${values['trend-runs']}"`);
  const outcomes: SoakTestOutcome[] = [];
  for (const path of positionals) outcomes.push(...(await loadSummaryInput(path)));
  const run = await summarizeSoakRun(outcomes, {
    outputDir: values['out-dir'] ?? (process.env.SOAK_OUTPUT_DIR || 'soak-runs'),
    ...(values.history !== undefined ? { historyFile: values.history } : {}),
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    trendRuns,
    revision: process.env.GITHUB_SHA ?? process.env.CI_COMMIT_SHA ?? process.env.GIT_COMMIT,
    generatedAt: new Date(),
  });
  for (const problem of run.problems) writeWarning('summarize', problem);
  process.stdout.write(`${stripControlChars(run.table)}\n`); // titles and messages come from runs
  console.log(`verdict: ${run.summary.status}`);
  return run.failRun ? 1 : 0;
}
