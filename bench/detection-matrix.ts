/**
 * The detection matrix on real runs: short soaks of the embedded target (the reference app and the embedded server)
 * through the user's path (bench/lib/user-soak-child.ts: `playwright test tests/memory-monitor.spec.ts
 * --project=chromium` with SOAK_* settings), for every fault of the app and of the server at three severities
 * including its floor (bench/lib/matrix-faults.ts says where each floor comes from), several runs each, plus clean
 * runs. Prints, and writes to bench/results.md:
 *  - a row per fault and severity: detected / missed (an assertion naming the fault failed, at error or warn level),
 *    the other error-level findings, and the median time into the run of the first proactive warning (the page
 *    monitor's early warnings, `monitor` `warning` records in the log) with the ids it raised;
 *  - the clean runs' false-alarm rate (runs with an error-level finding) with a 95 % Wilson interval, and their warnings;
 *  - the trend rule's significance on the clean runs' real series, plain and autocorrelation-corrected
 *    (bench/lib/trend-diagnostics.ts).
 * Usage: npx tsx bench/detection-matrix.ts [--quick] [--floor-runs 2] [--runs 1] [--clean N] [--duration 45s]
 *        [--concurrency 2] [--only heap-leak,stall] [--no-webrtc] [--keep-logs DIR]
 *        npx tsx bench/detection-matrix.ts --from-logs DIR [--trend-autocorrelation]
 *  --quick: each WebSocket fault at its floor once, 3 clean runs (19 soaks, about 11 minutes on 2 cores);
 *  full: every severity (WebRTC included), 2 runs at the floor and 1 at the others, as many clean runs (136 soaks);
 *  every run's log is kept, and --from-logs judges a kept folder again with this checkout's analyzer.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from 'simple-statistics';
import { analyzeLogFile } from '../harness/analyze/analyze-log-file.ts';
import type { Report } from '../harness/analyze/report/report-schema.ts';
import type { LogHeader, LogRecord } from '../harness/log/log-schema.ts';
import { parseDurationMs } from '../harness/synth/write-log.ts';
import { faultCatalog } from '../reference/faults/fault-spec.ts';
import { wilsonInterval } from './lib/binomial-interval.ts';
import { faultSpecOf, faultsWithoutCase, MATRIX_FAULTS, type MatrixFault } from './lib/matrix-faults.ts';
import { isQuick, markdownTable, recordAim, writeResultsSection } from './lib/results-file.ts';
import { type SeriesDiagnostic, trendDiagnostics } from './lib/trend-diagnostics.ts';
import { runBenchSoak, runPool } from './lib/user-soak-child.ts';
import { readRunLog } from '../tests/e2e/harness/read-run-log.ts';

const RUNS_FILE = 'runs.json';
interface KeptRun {
  index: number;
  fault: string | null;
  severity: number | null;
  file: string;
  wallMs: number;
  hadReport: boolean;
  code: number;
}

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const quick = isQuick();
const fromLogs = flag('from-logs');
/** Judge the kept logs with SOAK_THRESHOLD_TREND_AUTOCORRELATION on (with --from-logs): the corrected trend test's detections. */
const judgeAutocorrelated = argv.includes('--trend-autocorrelation');
const durationText = flag('duration') ?? '45s';
const durationMs = parseDurationMs(durationText);
const runsPerCell = Number(flag('runs') ?? 1);
const floorRuns = Number(flag('floor-runs') ?? (quick ? 1 : 2));
const concurrency = Number(flag('concurrency') ?? 2);
const only = flag('only')?.split(',');
const withWebrtc = !argv.includes('--no-webrtc') && !quick;
const keepDir = fromLogs ?? flag('keep-logs') ?? join(tmpdir(), `voice-soak-bench-matrix-${new Date().toISOString().replace(/[:.]/g, '-')}`);
/** Wall time around a soak's scripted time at concurrency 2: 64 s for a 45 s soak on the idle 2-core machine. */
const EXPECTED_OVERHEAD_MS = 20_000;

function fail(message: string): never {
  console.error(`detection-matrix: ${message}`);
  process.exit(64);
}
if (!(runsPerCell >= 1) || !(floorRuns >= 1) || !(concurrency >= 1) || !(durationMs >= 20_000))
  fail('--runs >= 1, --floor-runs >= 1, --concurrency >= 1, --duration >= 20s');
const missingCases = faultsWithoutCase();
if (missingCases.length) fail(`no matrix case for fault(s) ${missingCases.join(', ')} (add them to bench/lib/matrix-faults.ts)`);
const unknown = only?.filter((name) => !MATRIX_FAULTS.some((f) => f.name === name)) ?? [];
if (unknown.length) fail(`--only: unknown fault(s) ${unknown.join(', ')}`);
if (judgeAutocorrelated && !fromLogs) fail('--trend-autocorrelation goes with --from-logs (a soak takes SOAK_THRESHOLD_TREND_AUTOCORRELATION=true)');
if (fromLogs && !existsSync(join(fromLogs, RUNS_FILE))) fail(`--from-logs ${fromLogs}: no ${RUNS_FILE} there (a folder written by --keep-logs)`);

// A case for a fault the catalog does not have (yet) is skipped: SOAK_FAULTS would refuse it.
const inCatalog = MATRIX_FAULTS.filter((f) => faultCatalog.some((c) => c.name === f.name));
const faults = fromLogs ? inCatalog : inCatalog.filter((f) => (only ? only.includes(f.name) : withWebrtc || f.settings?.SOAK_TRANSPORT !== 'webrtc'));
interface Cell {
  fault: MatrixFault;
  severity: number | null;
}
const isFloorCell = (cell: Cell) => cell.severity === cell.fault.floor || cell.fault.floor === null;
const cells: Cell[] = faults.flatMap((fault) =>
  (quick && !fromLogs ? [fault.floor !== null && fault.severities.includes(fault.floor) ? fault.floor : fault.severities[0]!] : fault.severities).map(
    (severity) => ({
      fault,
      severity,
    }),
  ),
);
const runsOf = (cell: Cell) => (isFloorCell(cell) ? floorRuns : runsPerCell);
const faultyRuns = cells.reduce((n, cell) => n + runsOf(cell), 0);
const cleanRuns = Number(flag('clean') ?? (quick ? 3 : faultyRuns));
const totalRuns = faultyRuns + cleanRuns;
const expectedMin = (totalRuns * (durationMs + EXPECTED_OVERHEAD_MS)) / concurrency / 60_000;
if (!fromLogs)
  console.log(
    `detection matrix: ${cells.length} fault cells (${floorRuns} run(s) at the floor, ${runsPerCell} at other severities) + ${cleanRuns} clean = ${totalRuns} soaks of ${durationText}, ${concurrency} at a time; expected about ${expectedMin.toFixed(0)} min; logs kept in ${keepDir}`,
  );

interface RunOutcome {
  ok: boolean;
  error?: string;
  failed: { id: string; level: string }[];
  verdict: string;
  /** First proactive warning: seconds into the run and its id. */
  firstWarning: { s: number; id: string } | null;
  warningIds: string[];
  faultsApplied: boolean;
  /** False when run-complete failed: the soak did not run its script (a broken run, not a miss). */
  complete: boolean;
  wallMs: number;
  /** The trend rule's significance on each fitted series (clean runs only). */
  trends: SeriesDiagnostic[];
  confidence: number;
}

function brokenRun(error: string, wallMs: number): RunOutcome {
  const none = { failed: [], verdict: 'none', firstWarning: null, warningIds: [], faultsApplied: false, complete: false, trends: [], confidence: 0.95 };
  return { ok: false, error, ...none, wallMs };
}

function outcomeOf(spec: string, report: Report, header: LogHeader, records: readonly LogRecord[], wallMs: number): RunOutcome {
  const warnings = records.flatMap((r) => (r.type === 'monitor' && r.kind === 'warning' ? [{ s: r.tMs / 1000, id: r.id }] : []));
  const failed = report.assertions.filter((a) => !a.passed).map((a) => ({ id: a.id, level: a.level }));
  const diagnostics = spec === '' ? trendDiagnostics(header, records) : { confidence: report.thresholds.confidence, series: [] };
  return {
    ok: true,
    failed,
    verdict: report.verdict,
    firstWarning: warnings.length ? warnings.reduce((a, b) => (b.s < a.s ? b : a)) : null,
    warningIds: [...new Set(warnings.map((w) => w.id))],
    faultsApplied: spec === '' || report.assertions.some((a) => a.id === 'faults-applied' && a.passed),
    complete: !failed.some((f) => f.id === 'run-complete'),
    wallMs,
    trends: diagnostics.series,
    confidence: diagnostics.confidence,
  };
}

/** One soak, its log kept as keepDir/<n>.jsonl and listed in keepDir/runs.json (for --from-logs). */
async function soakOnce(index: number, cell: Cell | null, settings: Record<string, string>): Promise<RunOutcome> {
  const spec = cell ? faultSpecOf(cell.fault, cell.severity) : '';
  const started = performance.now();
  try {
    const run = await runBenchSoak({ SOAK_DURATION: durationText, SOAK_FAULTS: spec, ...settings }, durationMs + 180_000);
    const wallMs = performance.now() - started;
    const file = `${index}.jsonl`;
    writeFileSync(join(keepDir, file), `${[run.header, ...run.records].map((r) => JSON.stringify(r)).join('\n')}\n`);
    keptRuns.push({ index, fault: cell?.fault.name ?? null, severity: cell?.severity ?? null, file, wallMs, hadReport: run.report !== null, code: run.code });
    writeFileSync(join(keepDir, RUNS_FILE), `${JSON.stringify(keptRuns, null, 1)}\n`);
    if (!run.report) return brokenRun(`no report (exit ${run.code})`, wallMs);
    return outcomeOf(spec, run.report, run.header, run.records, wallMs);
  } catch (error) {
    return brokenRun((error instanceof Error ? error.message.split('\n')[0]! : String(error)).slice(0, 200), performance.now() - started);
  }
}

/** A kept run judged again by this checkout's analyzer (analyzeLogFile, the CLI's path), e.g. after a rule change. */
async function rejudge(kept: KeptRun, cell: Cell | null): Promise<RunOutcome> {
  const spec = cell ? faultSpecOf(cell.fault, cell.severity) : '';
  if (!kept.hadReport) return brokenRun(`no report (exit ${kept.code})`, kept.wallMs);
  const path = join(keepDir, kept.file);
  const { report } = await analyzeLogFile(path, judgeAutocorrelated ? { trendAutocorrelation: true } : undefined);
  const { header, records } = readRunLog(path);
  return outcomeOf(spec, report, header, records, kept.wallMs);
}

const startedMs = performance.now();
let done = 0;
let totalDone = totalRuns;
const keptRuns: KeptRun[] = [];
const tasks: (() => Promise<{ cell: Cell | null; outcome: RunOutcome }>)[] = [];
const say = (label: string, outcome: RunOutcome, hit: { id: string; level: string }[] | null) =>
  console.log(
    `  [${++done}/${totalDone}] ${label}: ${
      !outcome.ok
        ? outcome.error
        : hit === null
          ? `${outcome.verdict}, failed ${outcome.failed.map((f) => `${f.level} ${f.id}`).join(', ') || 'none'}`
          : hit.length
            ? `detected (${hit.map((h) => `${h.level} ${h.id}`).join(', ')})`
            : `MISSED (failed: ${outcome.failed.map((f) => f.id).join(', ') || 'none'})`
    }`,
  );
const report = (cell: Cell | null, outcome: RunOutcome) => {
  say(cell ? faultSpecOf(cell.fault, cell.severity) : 'clean', outcome, cell ? outcome.failed.filter((f) => cell.fault.detects.includes(f.id)) : null);
  return { cell, outcome };
};
if (fromLogs) {
  const kept = JSON.parse(readFileSync(join(fromLogs, RUNS_FILE), 'utf8')) as KeptRun[];
  totalDone = kept.length;
  console.log(`detection matrix: judging the ${kept.length} runs kept in ${fromLogs} again with this checkout's analyzer`);
  for (const run of kept) {
    const cell = run.fault === null ? null : (cells.find((c) => c.fault.name === run.fault && c.severity === run.severity) ?? null);
    if (run.fault !== null && !cell) continue;
    tasks.push(async () => report(cell, await rejudge(run, cell)));
  }
} else {
  mkdirSync(keepDir, { recursive: true });
  let index = 0;
  const clean = () => {
    const i = index++;
    return async () => report(null, await soakOnce(i, null, {}));
  };
  // Clean runs interleaved with the faulty ones, so both see the same machine load.
  const faultTasks = cells.flatMap((cell) =>
    Array.from({ length: runsOf(cell) }, () => {
      const i = index++;
      return async () => report(cell, await soakOnce(i, cell, cell.fault.settings ?? {}));
    }),
  );
  for (let i = 0, c = 0; i < faultTasks.length || c < cleanRuns; i++) {
    if (i < faultTasks.length) tasks.push(faultTasks[i]!);
    const due = Math.round(((i + 1) * cleanRuns) / Math.max(1, faultTasks.length));
    while (c < Math.min(cleanRuns, i >= faultTasks.length - 1 ? cleanRuns : due)) {
      tasks.push(clean());
      c++;
    }
  }
}
const results = await runPool(tasks, fromLogs ? 1 : concurrency);
const wallMin = (performance.now() - startedMs) / 60_000;

const brokenReason = (o: RunOutcome) => (!o.ok ? o.error : !o.faultsApplied ? 'fault not applied' : 'run-complete failed (the script did not finish)');
const fmtS = (values: number[]) => (values.length ? `${median(values).toFixed(0)} s` : 'none');
const head = [
  'fault',
  'side',
  'severity',
  'floor (source)',
  'runs',
  'detected',
  'missed',
  'level',
  'other error findings',
  'first warning (median)',
  'warning ids',
];
const rows: string[][] = [];
const floorMisses: string[] = [];
for (const cell of cells) {
  const outcomes = results.filter((r) => r.cell === cell).map((r) => r.outcome);
  if (!outcomes.length) continue;
  const good = outcomes.filter((o) => o.ok && o.faultsApplied && o.complete);
  const hits = good.filter((o) => o.failed.some((f) => cell.fault.detects.includes(f.id)));
  const levels = [...new Set(hits.flatMap((o) => o.failed.filter((f) => cell.fault.detects.includes(f.id)).map((f) => f.level)))];
  const others = new Map<string, number>();
  for (const o of good) for (const f of o.failed) if (f.level === 'error' && !cell.fault.detects.includes(f.id)) others.set(f.id, (others.get(f.id) ?? 0) + 1);
  const broken = outcomes.length - good.length;
  const isFloor = cell.severity === cell.fault.floor || cell.fault.floor === null;
  if (isFloor && hits.length < outcomes.length) floorMisses.push(`${faultSpecOf(cell.fault, cell.severity)} ${hits.length}/${outcomes.length}`);
  const warned = good.flatMap((o) => (o.firstWarning ? [o.firstWarning.s] : []));
  rows.push([
    cell.fault.name,
    `${faultCatalog.find((f) => f.name === cell.fault.name)?.side ?? '?'}${cell.fault.settings?.SOAK_TRANSPORT === 'webrtc' ? ' (WebRTC)' : ''}`,
    cell.severity === null ? 'on' : `${cell.severity} ${cell.fault.unit}${isFloor ? ' (floor)' : ''}`,
    `${cell.fault.floor ?? 'flag'} (${cell.fault.floorSource})`,
    String(outcomes.length),
    String(hits.length),
    String(good.length - hits.length) +
      (broken ? ` (+${broken} broken: ${brokenReason(outcomes.find((o) => !o.ok || !o.faultsApplied || !o.complete)!)})` : ''),
    levels.join('/') || '-',
    [...others].map(([id, n]) => `${id} x${n}`).join(', ') || 'none',
    `${fmtS(warned)} (${warned.length}/${good.length} runs)`,
    [...new Set(good.flatMap((o) => o.warningIds))].join(', ') || 'none',
  ]);
}

const cleanOutcomes = results.filter((r) => r.cell === null).map((r) => r.outcome);
const cleanGood = cleanOutcomes.filter((o) => o.ok && o.complete);
const falseAlarms = cleanGood.filter((o) => o.failed.some((f) => f.level === 'error'));
const cleanWarns = cleanGood.filter((o) => o.failed.some((f) => f.level === 'warn'));
const cleanEarly = cleanGood.filter((o) => o.firstWarning);
const ci = wilsonInterval(falseAlarms.length, cleanGood.length);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const ids = (list: RunOutcome[], level: string) => {
  const counts = new Map<string, number>();
  for (const o of list) for (const f of o.failed) if (f.level === level) counts.set(f.id, (counts.get(f.id) ?? 0) + 1);
  return [...counts].map(([id, n]) => `${id} x${n}`).join(', ') || 'none';
};
const cleanRows = [
  ['clean runs (with a report)', `${cleanGood.length} of ${cleanOutcomes.length}`],
  ['false alarms: runs with an error-level finding', `${falseAlarms.length} (${ids(cleanGood, 'error')})`],
  ['false-alarm rate, 95 % Wilson interval', cleanGood.length ? `${pct(falseAlarms.length / cleanGood.length)} [${pct(ci.low)}, ${pct(ci.high)}]` : 'no data'],
  ['runs with a warn-level finding', `${cleanWarns.length} (${ids(cleanGood, 'warn')})`],
  ['runs with a proactive warning', `${cleanEarly.length} (${[...new Set(cleanEarly.flatMap((o) => o.warningIds))].join(', ') || 'none'})`],
];
// The trend rule's significance half on the clean runs' real series: at most 1 - confidence of them should be
// "significant" (no fault, no trend); the plain Mann-Kendall assumes independent samples, the corrected one does not.
const trendRows: string[][] = [];
const trendFits = cleanGood.flatMap((o) => o.trends);
const alpha = 1 - (cleanGood[0]?.confidence ?? 0.95);
const shareCell = (k: number, n: number) => {
  const interval = wilsonInterval(k, n);
  return n ? `${k}/${n} = ${pct(k / n)} [${pct(interval.low)}, ${pct(interval.high)}]` : 'no fits';
};
const autocorrelated: string[] = [];
const growing: string[] = [];
for (const name of new Set(trendFits.map((t) => t.series))) {
  const fits = trendFits.filter((t) => t.series === name);
  const plain = fits.filter((t) => t.plainSignificant).length;
  const corrected = fits.filter((t) => t.correctedSignificant).length;
  const lag1 = median(fits.map((t) => t.lag1));
  const slope = median(fits.map((t) => t.slopePerMin));
  const overPromise = (k: number) => wilsonInterval(k, fits.length).low > alpha;
  if (overPromise(plain) && !overPromise(corrected))
    autocorrelated.push(`${name} (lag-1 ${lag1.toFixed(2)}: plain ${plain}/${fits.length}, corrected ${corrected}/${fits.length})`);
  else if (overPromise(corrected)) growing.push(`${name} (${corrected}/${fits.length}, median ${slope.toPrecision(2)} ${fits[0]!.unit})`);
  trendRows.push([
    name,
    String(fits.length),
    String(median(fits.map((t) => t.points))),
    lag1.toFixed(2),
    `${slope.toPrecision(2)} ${fits[0]!.unit}`,
    shareCell(plain, fits.length),
    shareCell(corrected, fits.length),
  ]);
}
const trendVerdict = !trendFits.length
  ? 'No clean run gave a varying series to test.'
  : [
      autocorrelated.length
        ? `Autocorrelation: on ${autocorrelated.join('; ')} the plain test's false-alarm rate is above the ${pct(alpha)} its confidence promises (the lower end of its 95 % interval is over it), and the corrected test's is not. A finding also needs the slope over its budget, so what users see is the clean runs' false-alarm rate above; the corrected test is opt-in (SOAK_THRESHOLD_TREND_AUTOCORRELATION=true), and its detections on these same logs are in the section judged with it.`
        : `No series shows the plain test alarming above the ${pct(alpha)} its confidence promises.`,
      growing.length
        ? `Real growth in clean runs, significant to both tests: ${growing.join('; ')}. These rise in a fresh page (V8 and code caches, the transcript's DOM) and stay under their budgets, so they raise no finding; they are not false alarms of the significance test.`
        : '',
    ]
      .filter(Boolean)
      .join(' ');

const broken = results.filter((r) => !r.outcome.ok || !r.outcome.complete || !r.outcome.faultsApplied);
const meanWallS = results.reduce((s, r) => s + r.outcome.wallMs, 0) / results.length / 1000;
const timing = fromLogs
  ? `${results.length} kept runs from ${fromLogs} judged again with this checkout's analyzer${judgeAutocorrelated ? ' and SOAK_THRESHOLD_TREND_AUTOCORRELATION=true' : ''} in ${wallMin.toFixed(1)} min (their soaks took ${meanWallS.toFixed(0)} s each on average)`
  : `${totalRuns} soaks of ${durationText} at concurrency ${concurrency}: ${wallMin.toFixed(1)} min wall (expected ${expectedMin.toFixed(0)}), ${meanWallS.toFixed(0)} s per soak on average${broken.length ? `; ${broken.length} broken run(s), left out of the rates: ${broken.map((b) => `${b.cell ? faultSpecOf(b.cell.fault, b.cell.severity) : 'clean'}: ${brokenReason(b.outcome)}`).join('; ')}` : ''}`;
const allCells = inCatalog.flatMap((f) => f.severities.map((severity) => ({ fault: f, severity })));
const fullSoaks = 2 * allCells.reduce((n, cell) => n + (isFloorCell(cell) ? 2 : 1), 0);
const fullNote = quick
  ? `Quick mode: each WebSocket fault at its floor once, 3 clean runs (the WebRTC faults ${inCatalog
      .filter((f) => f.settings?.SOAK_TRANSPORT === 'webrtc')
      .map((f) => f.name)
      .join(
        ', ',
      )} run only in full mode). Full mode: ${allCells.length} cells, 2 runs at the floor and 1 at each other severity, plus as many clean runs: ${fullSoaks} soaks of 45 s, about ${((fullSoaks * (45_000 + EXPECTED_OVERHEAD_MS)) / 2 / 3_600_000).toFixed(1)} h at concurrency 2.`
  : `Full mode: every severity of every fault (${floorRuns} run(s) at the floor, ${runsPerCell} at each other severity), WebRTC faults included, plus as many clean runs as faulty ones. Every run's log is kept (${keepDir}); \`--from-logs DIR\` judges them again with a changed analyzer without soaking again.`;
const body = [
  `Real soaks of the embedded target through \`playwright test tests/memory-monitor.spec.ts --project=chromium\` (SOAK_DURATION ${durationText}, the short-run script and settings of tests/e2e/user-runs/run-user-soak.ts). Detected: an assertion naming the fault failed (error or warn level); a run whose fault was not applied counts as broken, never as detected. First warning: the page monitor's first early warning (any id), seconds into the run.`,
  '',
  markdownTable(head, rows),
  '',
  markdownTable(['clean runs', 'value'], cleanRows),
  '',
  `Trend significance on the clean runs' series (each series the judge fits, after the warm-up; lag-1: the bias-corrected autocorrelation of the detrended points, 0 under 10 points; significant: Mann-Kendall p < ${alpha.toFixed(2)}, share with a 95 % Wilson interval). A steady series (no fault, no growth) should be significant in at most ${pct(alpha)} of runs.`,
  '',
  markdownTable(
    ['series', 'fits', 'points (median)', 'lag-1 (median)', 'slope (median)', 'plain Mann-Kendall significant', 'autocorrelation-corrected significant'],
    trendRows,
  ),
  '',
  trendVerdict,
  '',
  timing,
  '',
  fullNote,
].join('\n');
console.log(`\n${body}\n`);
if (judgeAutocorrelated) {
  writeResultsSection(
    'detection-matrix-autocorrelated',
    'Detection matrix, the same logs judged with the autocorrelation-corrected trend test',
    `\`npx tsx bench/detection-matrix.ts --from-logs DIR --trend-autocorrelation\`: the kept logs of the matrix above, judged with SOAK_THRESHOLD_TREND_AUTOCORRELATION=true (not the default).\n\n${body}`,
  );
  process.exit(0);
}
writeResultsSection('detection-matrix', 'Detection matrix on real runs', body);
const allFaults = inCatalog.every((f) => results.some((r) => r.cell?.fault === f));
recordAim(
  'detection',
  `${floorMisses.length ? `missed at floor: ${floorMisses.join('; ')}` : 'every floor cell detected in every run'}; clean false alarms ${falseAlarms.length}/${cleanGood.length} (95 % CI up to ${pct(ci.high)})${allFaults ? '' : `; ${inCatalog.filter((f) => !results.some((r) => r.cell?.fault === f)).length} fault(s) not run`}`,
  floorMisses.length === 0 && falseAlarms.length === 0 && cleanGood.length > 0 && allFaults && broken.length === 0,
  'bench/detection-matrix.ts',
);
