#!/usr/bin/env node
// voice-soak command line: a dispatcher only. Each command lives with the module it belongs to
// (the analyzer's in harness/cli, the embedded target's in target/), so the harness never imports the target.
import { register } from 'tsx/esm/api';

register();

const commands = {
  analyze: () => import('../harness/cli/analyze-command.ts'),
  compare: () => import('../harness/cli/compare-command.ts'),
  verdict: () => import('../harness/cli/verdict-command.ts'),
  summarize: () => import('../harness/cli/summarize-command.ts'),
  serve: () => import('../reference/server/serve-command.ts'),
};

const usage = `usage: voice-soak <command> [options]

commands:
  analyze <log.jsonl> [--format text|json|html|md] [--out FILE] [--thresholds FILE]
  compare <before> <after> [--format text|json|md]
  verdict <soak-summary.json>            exit 1 when a (merged) soak summary failed
  summarize <report.json|soak-summary.json...> [--out-dir DIR] [--baseline FILE] [--history FILE] [--trend-runs N]
                                         the soak summary from reports or shards' summaries; exit 1 when it failed
  serve [--port N] [--host 127.0.0.1] [--fault NAME[=VALUE]]...

Add --debug to any command to see stack traces.`;

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h' || name === 'help') {
  console.log(usage);
  process.exit(name ? 0 : 64);
}
const load = commands[name];
if (!load) {
  console.error(`voice-soak: unknown command "${name}" (expected one of: ${Object.keys(commands).join(', ')})`);
  process.exit(64);
}
const debug = args.includes('--debug');
try {
  const mod = await load();
  const code = await mod.run(args.filter((a) => a !== '--debug'));
  if (typeof code === 'number') process.exitCode = code;
} catch (error) {
  console.error(`voice-soak ${name}: ${error instanceof Error ? error.message : String(error)}`);
  if (debug && error instanceof Error) console.error(error.stack);
  process.exitCode = typeof error?.exitCode === 'number' ? error.exitCode : 70;
}
