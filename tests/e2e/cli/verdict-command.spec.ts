/** `voice-soak verdict`: the exit-code gate over a (merged) soak-summary.json. */
import { writeFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { runCli, withScratchDir } from './run-cli.ts';

function summary(status: 'passed' | 'failed') {
  return {
    schemaVersion: 1,
    kind: 'voice-soak-summary',
    generatedAt: '2026-11-24T00:00:00.000Z',
    status,
    tests: [
      {
        title: 'memory-monitor.spec.ts > soak',
        project: 'chromium',
        status: status === 'passed' ? 'passed' : 'failed',
        verdict: status === 'passed' ? 'pass' : 'fail',
        reportFile: null,
        recovered: false,
        metrics: { heapSlopeMbPerMin: 0.2 },
        issues: [],
        failures: status === 'passed' ? [] : ['heap-growth: 3.4 MB/min > 1.0 MB/min'],
        warnings: [],
        baseline: null,
      },
    ],
  };
}

test('a passed summary exits 0, a failed one 1, both print the table', async () => {
  await withScratchDir('verdict', async (at) => {
    for (const status of ['passed', 'failed'] as const) {
      const path = at(`${status}.json`);
      await writeFile(path, JSON.stringify(summary(status)));
      const result = await runCli(['verdict', path]);
      expect(result.code, result.stderr).toBe(status === 'passed' ? 0 : 1);
      expect(result.stdout).toContain(`verdict: ${status}`);
      expect(result.stdout).toContain('memory-monitor.spec.ts > soak');
    }
  });
});

test('an unusable summary exits 2 naming the file and field', async () => {
  await withScratchDir('verdict-bad', async (at) => {
    const path = at('bad.json');
    await writeFile(path, JSON.stringify({ ...summary('passed'), status: 'maybe' }));
    const result = await runCli(['verdict', path]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/bad\.json: field "status"/);
    expect(result.stderr).not.toContain('    at ');
  });
});
