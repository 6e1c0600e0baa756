/**
 * The benchmarks' shared pieces: the Wilson interval of the clean-run false-alarm rate, bench/results.md's named
 * sections and aims summary (a section replaced in place, the others kept; an aim with no figure is missed), the
 * detection matrix covering every fault of the catalog, and the /proc process-tree sampler on a real child.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { wilsonInterval } from '../../../bench/lib/binomial-interval.ts';
import { faultsWithoutCase, MATRIX_FAULTS } from '../../../bench/lib/matrix-faults.ts';
import { sampleProcessTree } from '../../../bench/lib/process-tree.ts';
import { recordAim, writeResultsSection } from '../../../bench/lib/results-file.ts';

test('Wilson interval: 0 of 30 has an upper bound of about 11.4 %, 5 of 10 is symmetric around a half', () => {
  const none = wilsonInterval(0, 30);
  expect(none.low).toBe(0);
  expect(none.high).toBeCloseTo(0.1135, 3);
  const half = wilsonInterval(5, 10);
  expect(half.low).toBeCloseTo(0.2366, 3);
  expect(half.high).toBeCloseTo(0.7634, 3);
  expect(Number.isNaN(wilsonInterval(0, 0).high)).toBe(true);
});

test('results.md: a section is replaced in place, the others kept; the summary lists every aim, a missing one as missed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'voice-soak-bench-results-'));
  const saved = process.env.BENCH_RESULTS_FILE;
  process.env.BENCH_RESULTS_FILE = join(dir, 'results.md');
  try {
    writeResultsSection('peers', 'Peers', 'first peers table');
    writeResultsSection('analyze-8h', 'Analyzer', 'analyzer table');
    writeResultsSection('peers', 'Peers', 'second peers table');
    recordAim('overhead', '12 s', true, 'bench/concurrency.ts');
    recordAim('renderer-ms', 'p50 1.4 ms', false, 'bench/sampler-cost.ts');
    const text = readFileSync(process.env.BENCH_RESULTS_FILE, 'utf8');
    expect(text).toContain('second peers table');
    expect(text).not.toContain('first peers table');
    expect(text).toContain('analyzer table');
    expect(text.indexOf('section:summary')).toBeLessThan(text.indexOf('section:peers'));
    expect(text.indexOf('section:peers')).toBeLessThan(text.indexOf('section:analyze-8h'));
    expect(text).toMatch(/- machine: \d+ cores/);
    expect(text).toMatch(/- versions: node v\d+/);
    expect(text).toMatch(/at most 15 s of overhead per run \| 12 s \| MET/);
    expect(text).toMatch(/renderer main-thread time per sample \| p50 1\.4 ms \| MISSED/);
    expect(text).toMatch(/8-hour log analyzed .* \| not measured yet \| MISSED \(no data\)/);
    expect(text.match(/section:summary -->/g)).toHaveLength(2);
  } finally {
    if (saved === undefined) delete process.env.BENCH_RESULTS_FILE;
    else process.env.BENCH_RESULTS_FILE = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the detection matrix has a case for every fault, its floor among its severities', () => {
  expect(faultsWithoutCase()).toEqual([]);
  for (const fault of MATRIX_FAULTS) {
    expect(fault.detects.length, fault.name).toBeGreaterThan(0);
    if (fault.floor !== null) expect(fault.severities, fault.name).toContain(fault.floor);
  }
});

test('process tree: a busy child and its own child count their CPU seconds and memory', async () => {
  test.skip(process.platform !== 'linux', '/proc is Linux only');
  const busy = 'const end = Date.now() + 600; while (Date.now() < end);';
  const child = spawn(process.execPath, ['-e', `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(busy)}]); ${busy}`]);
  const sampler = sampleProcessTree(child.pid!, 50);
  await new Promise((resolve) => child.on('close', resolve));
  const usage = sampler.stop();
  expect(usage.cpuSeconds.harness).toBeGreaterThan(0.5);
  expect(usage.peakRssBytes).toBeGreaterThan(20 * 1024 * 1024);
  expect(usage.wallMs).toBeGreaterThan(1000);
});
