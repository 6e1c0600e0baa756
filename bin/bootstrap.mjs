#!/usr/bin/env node
// `npm run soak`, `npm test`, `npm run bench`: make a fresh machine ready, then run the job.
// 1. npm dependencies (npm ci when node_modules is missing or older than package-lock.json);
// 2. `voice-soak doctor --fix`: a Chromium (found, or installed with apt as root, or with Playwright's installer) and,
//    on Linux without DISPLAY, Xvfb for headed runs (started later by the Playwright config's globalSetup);
// 3. the job itself (`test` type-checks and lints first).
// Both come first because SOAK_ISOLATE_NETWORK=1 runs the job without a network: the Playwright config re-runs itself
// inside a network namespace with only loopback (harness/setup/network-namespace.ts), and nothing installs there.
// Plain JavaScript with no dependencies: it runs before node_modules exists.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const [job, ...extra] = process.argv.slice(2);

function fail(message, code) {
  console.error(`voice-soak: ${message}`);
  process.exit(code);
}

function dependenciesStale() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker) || !existsSync(join(root, 'node_modules', '@playwright', 'test'))) return true;
  const lock = join(root, 'package-lock.json');
  return existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000;
}

function installDependencies() {
  const args = existsSync(join(root, 'package-lock.json')) ? ['ci'] : ['install'];
  console.error(`voice-soak: installing npm dependencies (npm ${args[0]}) ...`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, [...args, '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
  if (result.status !== 0) fail(`npm ${args[0]} failed (exit ${result.status}); fix the error above and run again`, 69);
}

function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 130 : 1)));
  });
}

const playwright = (args) => run(process.execPath, [join('node_modules', '@playwright', 'test', 'cli.js'), ...args]);

const jobs = {
  soak: () => playwright(['test', 'tests/memory-monitor.spec.ts', '--project=chromium', '--headed', ...extra]),
  test: async () => {
    console.log('voice-soak: type-checking (tsc) ...');
    const typecheck = await run(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
    if (typecheck !== 0) return typecheck;
    console.log('voice-soak: lint and format check (biome check; `npx biome check --write` fixes the format) ...');
    const lint = await run(process.execPath, [join('node_modules', '@biomejs', 'biome', 'bin', 'biome'), 'check']);
    if (lint !== 0) return lint;
    return playwright(['test', '--project=unit', '--project=e2e', '--project=user-runs', '--reporter=list,./reporters/summary-line-reporter.ts', ...extra]);
  },
  bench: async () => {
    const files = readdirSync(join(root, 'bench'))
      .filter((f) => f.endsWith('.ts'))
      .sort();
    let worst = 0;
    for (const file of files) {
      console.log(`\n=== bench/${file} ===`);
      worst = Math.max(worst, await run(process.execPath, ['--import', 'tsx', join('bench', file), ...extra]));
    }
    return worst;
  },
};

if (!jobs[job]) fail(`unknown job "${job ?? ''}" (expected one of: ${Object.keys(jobs).join(', ')})`, 64);
if (dependenciesStale()) installDependencies();

const { register } = await import(pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'esm', 'api', 'index.mjs')).href);
register();
const { runDoctor } = await import('../harness/setup/doctor.ts');
for (const check of runDoctor({ fix: true })) {
  if (check.name === 'chromium' && check.path) process.env.CHROMIUM_PATH ||= check.path;
  // Without Xvfb only headed runs fail, each with one line saying so; without a Chromium nothing can run.
  if (!check.ok) (check.name === 'chromium' ? fail : (m) => console.error(`voice-soak: ${m}`))(check.detail, 69);
}
process.exitCode = await jobs[job]();
