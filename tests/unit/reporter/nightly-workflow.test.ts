import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { parse } from 'yaml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  jobs: Record<string, { 'runs-on': string; env?: Record<string, string>; steps: Step[] }>;
}

const WELL_KNOWN_ACTIONS = [
  'actions/checkout',
  'actions/setup-node',
  'actions/cache/restore',
  'actions/cache/save',
  'actions/cache',
  'actions/upload-artifact',
];

const workflow = parse(readFileSync('.github/workflows/nightly-soak.yml', 'utf8')) as Workflow;
const job = workflow.jobs.soak!;

test('runs nightly on a schedule and on demand, on a stock Ubuntu runner', () => {
  expect(workflow.on.schedule?.length).toBeGreaterThan(0);
  for (const { cron } of workflow.on.schedule!) expect(cron.trim().split(/\s+/)).toHaveLength(5);
  expect(workflow.on).toHaveProperty('workflow_dispatch');
  expect(Object.keys(workflow.jobs)).toEqual(['soak']);
  expect(job['runs-on']).toMatch(/^ubuntu-/);
});

test('uses only well-known actions, each pinned to a version tag', () => {
  const uses = job.steps.flatMap((s) => (s.uses ? [s.uses] : []));
  expect(uses.length).toBeGreaterThanOrEqual(5);
  for (const use of uses) {
    const [action, version] = use.split('@');
    expect(WELL_KNOWN_ACTIONS, use).toContain(action);
    expect(version, use).toMatch(/^v\d+(\.\d+)*$/);
  }
  const setupNode = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!;
  expect(setupNode.with).toMatchObject({ 'node-version': 20, cache: 'npm' });
});

test('installs Chromium the way a non-root runner can, then runs the soak headed under Xvfb', () => {
  const runs = job.steps.flatMap((s) => (s.run ? [s.run] : [])).join('\n');
  expect(runs).toContain('npx playwright install --with-deps chromium');
  expect(runs).toContain('CHROMIUM_PATH=');
  expect(runs).not.toMatch(/^\s*apt-get/m);
  const soak = job.steps.find((s) => s.run?.includes('npm run soak'))!;
  expect(soak.run!.trim()).toBe('xvfb-run -a npm run soak');
  expect(job.steps.indexOf(soak)).toBeGreaterThan(job.steps.findIndex((s) => s.run?.includes('playwright install')));
});

test('keeps the history between nights with actions/cache and uploads every report even when the soak fails', () => {
  const historyDir = job.env!.SOAK_HISTORY_FILE!.split('/')[0];
  const restore = job.steps.find((s) => s.uses?.startsWith('actions/cache/restore@'))!;
  const save = job.steps.find((s) => s.uses?.startsWith('actions/cache/save@'))!;
  expect(restore.with!.path).toBe(historyDir);
  expect(save.with!.path).toBe(historyDir);
  expect(save.if).toBe('always()');
  expect(job.steps.indexOf(restore)).toBeLessThan(job.steps.findIndex((s) => s.run?.includes('npm run soak')));

  const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
  expect(upload.if).toBe('always()');
  const paths = String(upload.with!.path)
    .split('\n')
    .map((p) => p.trim());
  for (const required of ['playwright-report', 'allure-results', job.env!.SOAK_OUTPUT_DIR!]) expect(paths).toContain(required);
});
