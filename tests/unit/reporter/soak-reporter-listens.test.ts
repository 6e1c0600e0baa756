/**
 * The soak reporter driven by hand-built test results: it reads each test's report attachment (by path or body),
 * never changes result.attachments (frozen here: a push would throw), turns a test with only its log into a
 * missing entry that fails the run (with the disk-full note when the fixture said so), and keeps the last attempt.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import type { FullResult, TestCase, TestResult } from '@playwright/test/reporter';
import SoakReporter from '../../../harness/playwright/soak-reporter.ts';
import { renderJson } from '../../../harness/render/render-json.ts';
import { CONTENT_TYPES, SOAK_LOG, SOAK_LOG_FAILED, SOAK_RECOVERED, SOAK_REPORT_JSON } from '../../../harness/render/soak-attachment-names.ts';
import { soakSummarySchema } from '../../../harness/verdict/soak-summary-schema.ts';
import { buildSampleReport } from '../../fixtures-data/reports/sample-report.ts';

type Attachment = TestResult['attachments'][number];

const testCase = (id: string, title: string) => ({ id, titlePath: () => ['', 'chromium', 'soak.spec.ts', title] }) as unknown as TestCase;
const testResult = (status: TestResult['status'], attachments: Attachment[], annotations: TestResult['annotations'] = []) =>
  ({ status, attachments: Object.freeze(attachments), annotations }) as unknown as TestResult;
const logAttachment: Attachment = { name: SOAK_LOG, contentType: CONTENT_TYPES.jsonl, path: '/nonexistent/run.jsonl' };

let dir: string;
const saved = { ...process.env };
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'voice-soak-reporter-unit-'));
  for (const key of ['SOAK_OUTPUT_DIR', 'SOAK_HISTORY_FILE', 'SOAK_BASELINE', 'GITHUB_STEP_SUMMARY']) delete process.env[key];
});
test.afterEach(() => {
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});

async function runReporter(feed: (reporter: SoakReporter) => void, status: FullResult['status'] = 'passed') {
  const reporter = new SoakReporter({ outputDir: join(dir, 'soak-runs'), historyFile: join(dir, 'history.json') });
  feed(reporter);
  const originalLog = console.log;
  console.log = () => undefined;
  try {
    const verdict = await reporter.onEnd({ status } as FullResult);
    return { verdict, summary: soakSummarySchema.parse(JSON.parse(readFileSync(join(dir, 'soak-runs', 'soak-summary.json'), 'utf8'))) };
  } finally {
    console.log = originalLog;
  }
}

test('reports attached by path or body are read, recovered ones marked; the last attempt of a retried test wins', async () => {
  const failingPath = join(dir, 'failing.json');
  writeFileSync(failingPath, renderJson(buildSampleReport({ heapLeakMbPerMin: 3.4 })));
  const passing = Buffer.from(renderJson(buildSampleReport({ heapLeakMbPerMin: 0.1 })));
  const { verdict, summary } = await runReporter((r) => {
    r.onTestEnd(
      testCase('a', 'retried'),
      testResult('failed', [{ name: SOAK_REPORT_JSON, contentType: CONTENT_TYPES.json, path: failingPath }, logAttachment]),
    );
    r.onTestEnd(testCase('a', 'retried'), testResult('passed', [{ name: SOAK_REPORT_JSON, contentType: CONTENT_TYPES.json, body: passing }]));
    r.onTestEnd(
      testCase('b', 'crashed'),
      testResult('failed', [{ name: SOAK_REPORT_JSON, contentType: CONTENT_TYPES.json, path: failingPath }], [{ type: SOAK_RECOVERED }]),
    );
    r.onTestEnd(testCase('c', 'not a soak test'), testResult('passed', [{ name: 'screenshot', contentType: 'image/png', path: '/x.png' }]));
  });
  expect(summary.tests.map((t) => [t.title, t.status, t.verdict, t.recovered])).toEqual([
    ['soak.spec.ts > retried', 'passed', 'pass', false],
    ['soak.spec.ts > crashed', 'failed', 'fail', true],
  ]);
  expect(summary.tests[1]!.failures[0]).toMatch(/^heap-growth: /);
  expect(verdict).toEqual({ status: 'failed' });
});

test('a test with only its log attached is missing data: it fails the run, with the reason in its note', async () => {
  const { verdict, summary } = await runReporter((r) => {
    r.onTestEnd(testCase('a', 'disk full'), testResult('failed', [logAttachment], [{ type: SOAK_LOG_FAILED, description: 'ENOSPC at 12.0 s' }]));
    r.onTestEnd(testCase('b', 'unanalyzed'), testResult('failed', [logAttachment]));
  });
  expect(summary.status).toBe('failed');
  expect(summary.tests.map((t) => t.verdict)).toEqual(['missing', 'missing']);
  expect(summary.tests[0]!.note).toBe('not analyzed: ENOSPC at 12.0 s (the disk its reports go to is full)');
  expect(summary.tests[1]!.note).toMatch(/^no voice-soak-report\.json attached: the fixture could not analyze the log/);
  expect(verdict).toEqual({ status: 'failed' });
});

test('an unreadable report is a note, a passing run keeps its status, an interrupted one is left interrupted', async () => {
  const broken = await runReporter((r) =>
    r.onTestEnd(
      testCase('a', 'broken'),
      testResult('passed', [{ name: SOAK_REPORT_JSON, contentType: CONTENT_TYPES.json, body: Buffer.from('{"schemaVersion":1}') }]),
    ),
  );
  expect(broken.summary.tests[0]).toMatchObject({ verdict: 'missing', reportFile: null });
  expect(broken.summary.tests[0]!.note).toMatch(/^voice-soak-report\.json is not a usable report: field "/);
  const body = Buffer.from(renderJson(buildSampleReport({ heapLeakMbPerMin: 0.1 })));
  const clean = await runReporter((r) =>
    r.onTestEnd(testCase('a', 'clean'), testResult('passed', [{ name: SOAK_REPORT_JSON, contentType: CONTENT_TYPES.json, body }])),
  );
  expect(clean.summary.status).toBe('passed');
  expect(clean.verdict).toBeUndefined();
  const interrupted = await runReporter((r) => r.onTestEnd(testCase('a', 'stopped'), testResult('interrupted', [logAttachment])), 'interrupted');
  expect(interrupted.summary.status).toBe('failed');
  expect(interrupted.verdict).toBeUndefined();
});
