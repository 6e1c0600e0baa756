/**
 * A user's Playwright project in a temporary folder, with voice-soak installed from its `npm pack` tarball, as a
 * user installs it, but offline: CI runs the suites in a network namespace with only loopback, so the project gets
 * a package-lock.json whose entries (the repository's own, with registry tarball URLs added) npm finds in the
 * cache `npm ci` filled, and `npm ci --offline` installs @playwright/test, the tarball and its dependencies into the
 * project's own node_modules. Nothing is linked to the repository's node_modules.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time, for the report. */
  ms: number;
}

/** Runs a command (never a shell) with a timeout; resolves with its exit code and output, never rejects on failure. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<CommandRun> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code: code ?? (signal ? 128 : 1), stdout, stderr, ms: Date.now() - started });
    });
  });
}

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];

/**
 * `npm pack` of the repository (prepack builds dist/ first), once per test run: the specs that install the package
 * share one tarball, made by whichever asks first, in a folder named for the runner's process (the workers' parent),
 * under a lock: two packs at once would both rebuild dist/ in the repository, one over the other, and each costs
 * 40 s idle to over 3 min on loaded cores. Copied into `dest`; returns the copy's path.
 */
export async function packRepository(dest: string): Promise<{ tarball: string; run: CommandRun }> {
  const shared = join(tmpdir(), `voice-soak-pack-${process.ppid}`);
  const lock = `${shared}.lock`;
  const started = Date.now();
  while (!tryLock(lock)) {
    if (Date.now() - started > PACK_TIMEOUT_MS + 30_000) throw new Error(`npm pack: ${lock} held for over ${PACK_TIMEOUT_MS / 1000} s`);
    await new Promise((wait) => setTimeout(wait, 500));
  }
  try {
    let run: CommandRun = { code: 0, stdout: `reused the tarball packed earlier in this run (${shared})`, stderr: '', ms: 0 };
    if (!findTarball(shared)) {
      mkdirSync(shared, { recursive: true });
      run = await runCommand(NPM, ['pack', '--pack-destination', shared, ...QUIET], { cwd: resolve('.'), timeoutMs: PACK_TIMEOUT_MS });
      if (run.code !== 0) throw new Error(`npm pack failed (exit ${run.code}): ${run.stderr}`);
    }
    const name = findTarball(shared);
    if (!name) throw new Error(`npm pack wrote no .tgz into ${shared}`);
    copyFileSync(join(shared, name), join(dest, name));
    return { tarball: join(dest, name), run: { ...run, ms: Date.now() - started } };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const PACK_TIMEOUT_MS = 300_000;

function tryLock(path: string): boolean {
  try {
    mkdirSync(path);
    return true;
  } catch {
    return false;
  }
}

function findTarball(dir: string): string | undefined {
  return existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.tgz')) : undefined;
}

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  optional?: boolean;
  name?: string;
  link?: boolean;
  [key: string]: unknown;
}

function registryUrl(path: string, entry: LockEntry): string {
  const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
}

/**
 * package.json and package-lock.json of a project that depends on @playwright/test (the version this repository
 * pins) and on the tarball: the tarball's dependencies are the repository's production entries, Playwright's its dev
 * entries of that name.
 */
export function writeProjectManifest(dir: string, tarball: string): void {
  const repoLock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
  const repoManifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
    engines: Record<string, string>;
    bin: Record<string, string>;
  };
  const playwrightVersion = repoManifest.devDependencies['@playwright/test']!;
  const tarballSpec = `file:${tarball}`;
  const devDependencies = { '@playwright/test': playwrightVersion, 'voice-soak': tarballSpec };
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'my-app-e2e', version: '1.0.0', private: true, scripts: {}, devDependencies }, null, 2)}\n`,
  );
  const playwrightTree = new Set(['node_modules/@playwright/test', 'node_modules/playwright', 'node_modules/playwright-core', 'node_modules/fsevents']);
  const packages: Record<string, LockEntry> = {
    '': { name: 'my-app-e2e', version: '1.0.0', devDependencies },
    'node_modules/voice-soak': {
      version: repoManifest.version,
      resolved: tarballSpec,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
      dev: true,
      dependencies: repoManifest.dependencies,
      peerDependencies: repoManifest.peerDependencies,
      bin: repoManifest.bin,
      engines: repoManifest.engines,
    },
  };
  for (const [path, entry] of Object.entries(repoLock.packages)) {
    if (!path || entry.link || (entry.dev && !playwrightTree.has(path))) continue;
    packages[path] = { ...entry, resolved: entry.resolved ?? registryUrl(path, entry), dev: true };
  }
  writeFileSync(
    join(dir, 'package-lock.json'),
    `${JSON.stringify({ name: 'my-app-e2e', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
  );
}

/** `npm ci --offline`: from the cache only (no registry), so it works without a network. */
export function installOffline(dir: string): Promise<CommandRun> {
  return runCommand(NPM, ['ci', '--offline', '--ignore-scripts', ...QUIET], { cwd: dir, timeoutMs: 120_000 });
}

/** The user's environment: this process's without this test run's Playwright and soak variables, plus `extra`. */
export function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(SOAK_|TEST_|ALLURE_|VOICE_SOAK_|PW_TEST_)/.test(key) || (key.startsWith('PLAYWRIGHT_') && key !== 'PLAYWRIGHT_BROWSERS_PATH')) continue;
    if (['CI', 'GITHUB_STEP_SUMMARY', 'DISPLAY', 'FORCE_COLOR'].includes(key)) continue;
    env[key] = value;
  }
  return { ...env, FORCE_COLOR: '0', ...extra };
}

/** A command's exit, time and output tails, for an assertion's message. */
export function explain(run: CommandRun): string {
  return `exit ${run.code} after ${run.ms} ms\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`;
}
