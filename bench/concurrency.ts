/**
 * Where one machine ends: 1, 2 and 4 concurrent conversations (clean soaks of the embedded target, each a whole
 * user's run: bench/lib/user-soak-child.ts), and for each conversation its CDP sample cadence (median and p95 gap
 * between samples, the largest gap), its TTFR p95, the CPU share of its harness processes (the Playwright runner and
 * worker, which also hosts the embedded server) and of its browser, from /proc; the machine's whole CPU use over the
 * level (/proc/stat: other work on the machine shows there too). From the same runs, the whole-run overhead: the
 * wall time of a run outside its conversation, start-up (spawn to the conversation's first step) plus wind-down
 * (run-end to exit: analysis, reports, reporters), and the wall time beyond SOAK_DURATION (which also holds the
 * turn in flight at the deadline, finished by the script).
 * Usage: npx tsx bench/concurrency.ts [--quick] [--levels 1,2,4] [--duration 60s] [--repeats 2]
 *  --quick: 30 s soaks, one round (about 6 minutes on 2 cores); full: 60 s soaks, two rounds (about 15 minutes).
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { median, quantile } from 'simple-statistics';
import { parseDurationMs } from '../harness/synth/write-log.ts';
import { turnCoverage } from '../tests/e2e/user-runs/run-user-soak.ts';
import { isQuick, markdownTable, recordAim, writeResultsSection } from './lib/results-file.ts';
import { runBenchSoak, type BenchSoak, type RunPhases } from './lib/user-soak-child.ts';

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const quick = isQuick();
const durationText = flag('duration') ?? (quick ? '30s' : '60s');
const durationMs = parseDurationMs(durationText);
const levels = (flag('levels') ?? '1,2,4').split(',').map(Number);
const repeats = Number(flag('repeats') ?? (quick ? 1 : 2));
if (levels.some((n) => !(n >= 1 && n <= 16)) || !(repeats >= 1)) {
  console.error('concurrency: --levels 1..16 comma-separated, --repeats >= 1');
  process.exit(64);
}
const cores = cpus().length;
const OVERHEAD_AIM_S = 15;

function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - fields[3]! - (fields[4] ?? 0), total };
}

const q = (values: number[], p: number) => (values.length ? quantile(values, p) : Number.NaN);
const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : 'n/a');
const pct = (n: number) => (Number.isFinite(n) ? `${(n * 100).toFixed(1)} %` : 'n/a');

const rows: string[][] = [];
const overheadsS: number[] = [];
const phases: RunPhases[] = [];
const problems: string[] = [];
console.log(`concurrency: levels ${levels.join(', ')}, ${repeats} round(s), ${durationText} clean soaks, ${cores} cores`);
for (let round = 0; round < repeats; round++) {
  for (const level of levels) {
    const before = machineTicks();
    const settled = await Promise.allSettled(Array.from({ length: level }, () => runBenchSoak({ SOAK_DURATION: durationText }, durationMs + 300_000)));
    const after = machineTicks();
    const machineBusy = (after.busy - before.busy) / (after.total - before.total);
    settled.forEach((s, i) => {
      if (s.status === 'rejected') {
        problems.push(`${level} at once, #${i + 1}: ${String(s.reason instanceof Error ? s.reason.message : s.reason).split('\n')[0]}`);
        rows.push([String(level), `${round + 1}.${i + 1}`, 'run failed', '', '', '', '', '', '', '', '', pct(machineBusy)]);
        return;
      }
      const run: BenchSoak = s.value;
      const cdp = run.records.filter((r) => r.type === 'cdp').map((r) => r.tMs);
      const gaps = cdp.slice(1).map((t, k) => t - cdp[k]!);
      const ttfr = turnCoverage(run.records).ttfrMs;
      const wallS = run.usage.wallMs / 1000;
      const overheadS = wallS - durationMs / 1000;
      if (level === 1) {
        overheadsS.push(overheadS);
        if (run.phases) phases.push(run.phases);
      }
      rows.push([
        String(level),
        `${round + 1}.${i + 1}`,
        run.report?.verdict ?? `no report (exit ${run.code})`,
        f0(q(gaps, 0.5)),
        f0(q(gaps, 0.95)),
        f0(gaps.length ? Math.max(...gaps) : Number.NaN),
        `${f0(q(ttfr, 0.95))} (${ttfr.length} turns)`,
        pct(run.usage.cpuSeconds.harness / (wallS * cores)),
        pct(run.usage.cpuSeconds.browser / (wallS * cores)),
        `${(run.usage.peakRssBytes / 1024 ** 2).toFixed(0)} MB`,
        `${wallS.toFixed(0)} s (+${overheadS.toFixed(0)} s)`,
        pct(machineBusy),
      ]);
      console.log(`  ${level} at once #${i + 1}: ${rows.at(-1)!.slice(2).join(' | ')}`);
    });
  }
}

const head = [
  'conversations',
  'run',
  'verdict',
  'sample gap p50 ms',
  'p95 ms',
  'max ms',
  'TTFR p95 ms',
  'harness CPU',
  'browser CPU',
  'peak RSS',
  'wall (overhead)',
  'machine busy',
];
const medianS = (values: number[]) => (values.length ? median(values) / 1000 : Number.NaN);
const startupS = medianS(phases.map((p) => p.startupMs));
const windDownS = medianS(phases.map((p) => p.windDownMs));
const tailS = medianS(phases.map((p) => p.conversationMs - durationMs));
/** Start-up plus wind-down: the run's time outside its conversation (the aim's "start-up, analysis and reports"). */
const outsideS = phases.length ? median(phases.map((p) => p.startupMs + p.windDownMs)) / 1000 : Number.NaN;
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const overheadMedian = overheadsS.length ? median(overheadsS) : Number.NaN;
const body = [
  `Clean ${durationText} soaks of the embedded target, N at once, ${cores} cores. CPU shares are of the whole machine (${cores} cores = 100 %); "harness" is the run's node processes (runner, worker, the embedded server inside it), "browser" its Chromium; "machine busy" is all CPU use on the machine during the level, other work included. Overhead: wall time of the whole \`playwright test\` run beyond SOAK_DURATION (start-up, analysis, reports).`,
  '',
  markdownTable(head, rows),
  '',
  `Whole-run overhead, one conversation at a time (median of ${phases.length} run(s)): start-up ${f1(startupS)} s (spawn to the conversation's first step) + wind-down ${f1(windDownS)} s (run-end to exit: analysis, reports, reporters) = ${f1(outsideS)} s outside the conversation (aim: at most ${OVERHEAD_AIM_S} s). The conversation itself ran ${f1(tailS)} s past SOAK_DURATION (the turn in flight at the deadline is finished), so the wall time beyond SOAK_DURATION is ${f0(overheadMedian)} s.${problems.length ? ` Failed runs: ${problems.join('; ')}` : ''}`,
].join('\n');
console.log(`\n${body}\n`);
writeResultsSection('concurrency', 'Concurrency and whole-run overhead', body);
recordAim(
  'overhead',
  phases.length
    ? `median ${f1(outsideS)} s outside the conversation (start-up ${f1(startupS)} s + wind-down ${f1(windDownS)} s); ${f0(overheadMedian)} s beyond SOAK_DURATION ${durationText} with the last turn's ${f1(tailS)} s (${phases.length} run(s), bench/concurrency.ts level 1)`
    : 'no single-conversation run finished with a conversation start and run-end in its log',
  phases.length > 0 && outsideS <= OVERHEAD_AIM_S,
  'bench/concurrency.ts',
);
