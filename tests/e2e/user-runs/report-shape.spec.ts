/**
 * The Playwright report of a user's soak reads well (issue 15, item 5), through the user's path (run-user-soak.ts):
 * each turn is one step that is not buried under the harness's own page calls (they go through CDP, which
 * Playwright records no step for: quiet-evaluate.ts), no `Evaluate` step anywhere in the test body, and the
 * attachments come verdict first, then the charts, then the text report, then the rest, the log last.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { freePort } from './free-port.ts';
import { runUserSoak } from './run-user-soak.ts';
import { useScratchDirs } from './scratch-dir.ts';
import type { StepNode, TestTree } from './step-tree-reporter.ts';

const scratchDir = useScratchDirs();

test('each turn is one step with at most a few children, and the verdict, charts and text report come first', async () => {
  test.setTimeout(180_000);
  const dir = scratchDir('report-shape');
  const treeFile = join(dir, 'steps.json');
  const run = await runUserSoak(dir, { SOAK_PORT: String(await freePort()), SOAK_DURATION: '20s', STEP_TREE_FILE: treeFile }, 150_000, [
    `--reporter=${new URL('./step-tree-reporter.ts', import.meta.url).pathname}`,
  ]);
  expect(run.code, run.explain).toBe(0);
  const [soak] = JSON.parse(readFileSync(treeFile, 'utf8')) as TestTree[];
  expect(soak, run.explain).toBeDefined();
  const body = soak!.steps.filter((s) => s.category !== 'hook');
  const turns = body.filter((s) => /^turn \d+: /.test(s.title));
  expect(turns.length, run.explain).toBeGreaterThanOrEqual(2); // 4-5 on an idle machine in 20 s
  const all = (steps: StepNode[]): StepNode[] => steps.flatMap((s) => [s, ...all(s.steps)]);
  for (const turn of turns) expect(turn.steps.length, `${turn.title}: ${turn.steps.map((s) => s.title).join(', ')}`).toBeLessThanOrEqual(3);
  expect(all(body).filter((s) => s.title === 'Evaluate').length, 'Evaluate steps in the test body').toBe(0);
  // Beside the turns: the attachments, the verdict's expectation and the app's start steps (the user's click), no more.
  const rest = body.filter((s) => !turns.includes(s) && s.category !== 'test.attach' && s.category !== 'expect');
  expect(rest.map((s) => s.title)).toEqual(['Click']);

  const names = soak!.attachments.filter((n) => n.startsWith('voice-soak') || n.startsWith('chart-'));
  const charts = names.filter((n) => n.endsWith('.svg'));
  expect(charts.slice(0, 2)).toEqual(['chart-turn-latency.svg', 'chart-slowest-turn.svg']);
  expect(charts).toContain('chart-heap.svg');
  expect(names).toEqual([
    'voice-soak-verdict.txt',
    ...charts,
    'voice-soak-report.txt',
    'voice-soak-summary.md',
    'voice-soak-report.html',
    'voice-soak-report.json',
    'voice-soak-log.jsonl',
  ]);
});
