/**
 * The disk fills up in the middle of a soak run the user's way (`playwright test tests/memory-monitor.spec.ts
 * --project=chromium`, SOAK_OUTPUT_DIR on an 8 MB tmpfs of its own in a mount namespace, `unshare -rm`): the first
 * failed write stops the run within seconds, in one line, with no stack trace, and the log on that disk holds every
 * record up to then, each line whole, ending with the run-end that says why.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { readRunLog } from '../harness/read-run-log.ts';
import { fixtureEnv } from '../reporter/run-playwright.ts';
import { freePort } from './free-port.ts';
import { SHORT_RUN_SETTINGS } from './run-user-soak.ts';

const CLI = resolve('node_modules/@playwright/test/cli.js');
const canMountTmpfs = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], { stdio: 'ignore' }).status === 0;

function findUnder(dir: string, name: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const hit = readdirSync(dir, { recursive: true })
    .map(String)
    .find((f) => f.endsWith(name));
  return hit ? join(dir, hit) : undefined;
}

/** Fill the file system holding `dir` until a write fails. */
function fillDisk(dir: string): void {
  const chunk = Buffer.alloc(256 * 1024, 120);
  try {
    for (;;) appendFileSync(join(dir, 'fill'), chunk);
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  }
}

test('a disk that fills up mid-run stops the soak within seconds, in one line, with its log whole up to then', async () => {
  test.skip(!canMountTmpfs, 'needs `unshare -rm` and tmpfs mounts (user and mount namespaces)');
  test.setTimeout(120_000);
  const out = mkdtempSync(join(tmpdir(), 'voice-soak-full-disk-'));
  const disk = join(out, 'disk'); // the tmpfs mount point, inside the namespace only
  const kept = join(out, 'kept'); // what was on it, copied out when the run has ended
  const env = fixtureEnv(out, {
    ...SHORT_RUN_SETTINGS,
    SOAK_DURATION: '90s',
    SOAK_PORT: String(await freePort()),
    SOAK_OUTPUT_DIR: join(disk, 'soak-runs'),
    SOAK_HISTORY_FILE: join(disk, 'soak-history.json'),
    PLAYWRIGHT_HTML_OUTPUT_DIR: join(out, 'playwright-report'),
    ALLURE_RESULTS_DIR: join(out, 'allure-results'),
  });
  const script =
    'mkdir -p "$1" && mount -t tmpfs -o size=8m tmpfs "$1" && "$2" "$3" test tests/memory-monitor.spec.ts --project=chromium "--output=$4"; code=$?; rm -f "$1/fill"; mkdir -p "$5"; cp -a "$1/." "$5/"; exit $code';
  const child = spawn('unshare', ['-rm', 'sh', '-c', script, 'sh', disk, process.execPath, CLI, join(out, 'test-results'), kept], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let firstFailedWriteAt: number | null = null; // when the harness's one line about it arrived
  const onOutput = (chunk: Buffer) => {
    output += chunk;
    if (firstFailedWriteAt === null && output.includes('log write failed at')) firstFailedWriteAt = Date.now();
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  const seen = `/proc/${child.pid}/root${disk}`; // the namespace's tmpfs, from outside
  try {
    await expect
      .poll(
        () => {
          const log = findUnder(join(seen, 'soak-runs'), 'run.jsonl');
          return log !== undefined && readFileSync(log, 'utf8').includes('"kind":"turn-end"');
        },
        { timeout: 60_000, message: `a turn ended\n${output.slice(-2000)}` },
      )
      .toBe(true);
    fillDisk(seen);
    const filledAt = Date.now();
    const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 30_000))]);
    const endedAt = Date.now();
    expect(code, output.slice(-3000)).toBe(1);
    expect(firstFailedWriteAt, output.slice(-3000)).not.toBeNull();
    console.log(
      `full disk: first failed write ${firstFailedWriteAt! - filledAt} ms after the disk filled up; the run ended ${endedAt - firstFailedWriteAt!} ms after it`,
    );
    expect(endedAt - firstFailedWriteAt!, output.slice(-3000)).toBeLessThan(5_000);
  } finally {
    child.kill('SIGKILL');
  }
  const lines = output.split('\n').filter((l) => /log write failed at/.test(l));
  expect(lines[0], output.slice(-3000)).toMatch(
    /^voice-soak: \S+run\.jsonl: log write failed at \d+\.\d s \(.*(ENOSPC|no space left).*\); the soak stops, its log holds every record until then$/,
  );
  expect(output).toMatch(
    /voice-soak: could not write the reports of \S+run\.jsonl: the log could not be written to its end; the run had stopped early: log write failed at/,
  );
  expect(output).toMatch(/^voice-soak: 1 soak test, 1 failed$/m); // no report is never a pass
  expect(output).toMatch(/note .*: not analyzed: log write failed at .* \(the disk its reports go to is full\)/);
  expect(output).not.toMatch(/^\s+at .*harness\/.*\.ts:\d+/m); // no stack trace of ours
  const { records } = readRunLog(findUnder(join(kept, 'soak-runs'), 'run.jsonl')!); // every line whole and valid
  expect(records.filter((r) => r.type === 'cdp').length).toBeGreaterThan(5);
  const last = records.at(-1) as { type: string; kind?: string; detail?: string };
  expect(last).toMatchObject({ type: 'harness', kind: 'run-end' });
  expect(last.detail).toMatch(/^log write failed at \d+\.\d s/);
  if (process.env.SOAK_TEST_SHOW_OUTPUT) console.log(output);
});
