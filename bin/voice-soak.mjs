#!/usr/bin/env node
// voice-soak command line: a dispatcher only. Each command lives with the module it belongs to
// (the analyzer's in harness/cli, the embedded target's in reference/), so the harness never imports the target.
// In a clone it runs the TypeScript sources through tsx; in the npm package (no sources) the compiled JavaScript in
// dist/ (npm run build:package); dist/bin/ holds a copy of this file, which finds its modules beside it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fromSources = existsSync(join(root, 'harness', 'cli', 'analyze-command.ts'));
if (fromSources) (await import('tsx/esm/api')).register();

function load(modulePath) {
  const candidates = fromSources ? [join(root, `${modulePath}.ts`)] : [join(root, 'dist', `${modulePath}.js`), join(root, `${modulePath}.js`)];
  const file = candidates.find((f) => existsSync(f)) ?? candidates[0];
  return () => import(pathToFileURL(file).href);
}

const commands = {
  analyze: load('harness/cli/analyze-command'),
  compare: load('harness/cli/compare-command'),
  verdict: load('harness/cli/verdict-command'),
  summarize: load('harness/cli/summarize-command'),
  doctor: load('harness/cli/doctor-command'),
  init: load('harness/cli/init-command'),
  serve: load('reference/server/serve-command'),
};

const usage = `usage: voice-soak <command> [options]

commands:
  analyze <log.jsonl> [--format text|json|html|md] [--out FILE] [--thresholds FILE]
  compare <before> <after> [--format text|json|md]
  verdict <soak-summary.json>            exit 1 when a (merged) soak summary failed
  summarize <report.json|soak-summary.json...> [--out-dir DIR] [--baseline FILE] [--history FILE] [--trend-runs N]
                                         the soak summary from reports or shards' summaries; exit 1 when it failed
  serve [--port N] [--host 127.0.0.1] [--fault NAME[=VALUE]]...
  doctor [--fix]                         checks Chromium and Xvfb; --fix installs what is missing
  init [--dir DIR] [--dry-run]           adds a soak project, spec, reporter, .env.example and nightly workflow
                                         to an existing Playwright project, overwriting nothing

Add --debug to any command to see stack traces.`;

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h' || name === 'help') {
  console.log(usage);
  process.exit(name ? 0 : 64);
}
const loadCommand = commands[name];
if (!loadCommand) {
  console.error(`voice-soak: unknown command "${name}" (expected one of: ${Object.keys(commands).join(', ')})`);
  process.exit(64);
}
const debug = args.includes('--debug');
try {
  const mod = await loadCommand();
  const code = await mod.run(args.filter((a) => a !== '--debug'));
  if (typeof code === 'number') process.exitCode = code;
} catch (error) {
  console.error(`voice-soak ${name}: ${error instanceof Error ? error.message : String(error)}`);
  if (debug && error instanceof Error) console.error(error.stack);
  process.exitCode = typeof error?.exitCode === 'number' ? error.exitCode : 70;
}
