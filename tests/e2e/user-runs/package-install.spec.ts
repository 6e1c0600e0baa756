/**
 * The npm package as a user meets it: `npm pack`, a temporary Playwright project with its own @playwright/test
 * (Playwright's own template config and an example test), the tarball installed offline (package-project.ts),
 * `voice-soak init`, then two short soaks through the user's config, with `voice-soak serve` started by the
 * webServer entry init added:
 * The config is the one `npm init playwright@latest` writes (tests/unit/init/playwright-template.ts).
 *  - clean, headed with DISPLAY unset (the soak fixture starts Xvfb itself): exit 0, the soak summary passed, the
 *    reports and the log attached in the HTML report;
 *  - the same project again with SOAK_FAULTS=heap-leak:60: exit 1, failed with heap-growth.
 * Everything is under one voice-soak-package-* folder in the temp dir, removed at the end.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { soakSummarySchema } from '../../../harness/verdict/soak-summary-schema.ts';
import { freePort } from './free-port.ts';
import { CREATED_BY_PLAYWRIGHT } from '../../unit/init/playwright-template.ts';
import { explain, installOffline, packRepository, runCommand, userEnv, writeProjectManifest } from './package-project.ts';

let scratch = '';
test.beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'voice-soak-package-'));
});
test.afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('packed, installed offline into a Playwright project and set up by init, voice-soak soaks through the user config: clean passes, heap-leak fails with heap-growth', async () => {
  test.setTimeout(540_000);
  const timings: string[] = [];
  const { tarball, run: pack } = await packRepository(scratch);
  timings.push(`pack ${pack.ms} ms`);
  const dir = join(scratch, 'my-app');
  mkdirSync(join(dir, 'tests'), { recursive: true });
  writeProjectManifest(dir, tarball);
  const install = await installOffline(dir);
  expect(install.code, explain(install)).toBe(0);
  timings.push(`install ${install.ms} ms`);
  // The project's own Playwright, not the repository's.
  expect(existsSync(join(dir, 'node_modules', '@playwright', 'test', 'package.json'))).toBe(true);
  expect(readdirSync(join(dir, 'node_modules', 'voice-soak'))).not.toContain('harness');
  writeFileSync(join(dir, 'playwright.config.ts'), CREATED_BY_PLAYWRIGHT);
  writeFileSync(join(dir, 'tests', 'example.spec.ts'), "import { test, expect } from '@playwright/test';\ntest('adds', () => expect(1 + 1).toBe(2));\n");

  const bin = join(dir, 'node_modules', '.bin', 'voice-soak');
  const init = await runCommand(bin, ['init'], { cwd: dir, env: userEnv({}), timeoutMs: 30_000 });
  expect(init.code, explain(init)).toBe(0);
  expect(init.stdout).toMatch(/^voice-soak init: playwright\.config\.ts +updated: .*projects: added soakProject\(\)/m);
  for (const file of ['soak/voice-soak.soak.ts', '.env.example', '.github/workflows/voice-soak-nightly.yml']) {
    expect(init.stdout).toMatch(new RegExp(`^voice-soak init: ${file.replace(/\./g, '\\.')} +created`, 'm'));
    expect(existsSync(join(dir, file)), file).toBe(true);
  }
  const doctor = await runCommand(bin, ['doctor'], { cwd: dir, env: userEnv({}), timeoutMs: 30_000 });
  expect(doctor.code, explain(doctor)).toBe(0);

  // 20 s is enough for a clean run to pass; a leak needs 25 s: at 20 s only 5 post-GC heap lows follow the warm-up,
  // too few to fit a trend (measured), and heap-growth only warns.
  const short = {
    SOAK_SCRIPT: resolve('tests/e2e/soak/short-run-script.json'),
    SOAK_THRESHOLD_WARMUP_MS: '8000',
    SOAK_REPLY_SCALE: '0.25',
    SOAK_LOOPBACK_ONLY: '1',
  };
  const playwright = join(dir, 'node_modules', '@playwright', 'test', 'cli.js');
  const soak = async (extra: Record<string, string>) =>
    runCommand(process.execPath, [playwright, 'test', '--project=soak'], {
      cwd: dir,
      env: userEnv({ ...short, SOAK_PORT: String(await freePort()), ...extra }),
      timeoutMs: 150_000,
    });
  const summary = () => soakSummarySchema.parse(JSON.parse(readFileSync(join(dir, 'soak-runs', 'soak-summary.json'), 'utf8')));

  const clean = await soak({ SOAK_DURATION: '20s', SOAK_HEADLESS: '0' });
  timings.push(`clean soak ${clean.ms} ms`);
  expect(clean.code, explain(clean)).toBe(0);
  expect(clean.stdout).toContain('1 passed');
  const passed = summary();
  expect(passed.status, explain(clean)).toBe('passed');
  expect(passed.tests.map((t) => t.title)).toEqual(['soak/voice-soak.soak.ts > a long conversation stays responsive and does not leak']);
  // The HTML report keeps every attachment as a file under data/: the log, the reports (text, JSON, HTML) and the charts.
  const attached = readdirSync(join(dir, 'playwright-report', 'data')).map((f) => extname(f));
  for (const ext of ['.jsonl', '.txt', '.json', '.html', '.svg']) expect(attached, ext).toContain(ext);
  expect(attached.filter((e) => e === '.svg').length).toBeGreaterThanOrEqual(4);

  const leaky = await soak({ SOAK_DURATION: '25s', SOAK_HEADLESS: '1', SOAK_FAULTS: 'heap-leak:60' });
  timings.push(`heap-leak soak ${leaky.ms} ms`);
  expect(leaky.code, explain(leaky)).toBe(1);
  const failed = summary();
  expect(failed.status).toBe('failed');
  expect(failed.tests[0]!.failures.join('\n'), explain(leaky)).toMatch(/^heap-growth: /m);
  test.info().annotations.push({ type: 'timings', description: timings.join(', ') });
  console.log(`package e2e: ${timings.join(', ')}`);
});
