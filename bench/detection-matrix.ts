/**
 * The detection matrix on real runs: short soaks of the embedded target (the reference app and the embedded server)
 * through the user's path (bench/lib/user-soak-child.ts: `playwright test tests/memory-monitor.spec.ts
 * --project=chromium` with SOAK_* settings), for every fault of the app and of the server at three severities
 * including its floor (bench/lib/matrix-faults.ts says where each floor comes from), several runs each, plus clean
 * runs. Prints, and writes to bench/results.md:
 *  - a row per fault and severity: detected / missed (an assertion naming the fault failed, at error or warn level),
 *    the other error-level findings, and the median time into the run of the first proactive warning (the page
 *    monitor's early warnings, `monitor` `warning` records in the log) with the ids it raised;
 *  - the clean runs' false-alarm rate (runs with an error-level finding) with a 95 % Wilson interval, and their warnings.
 * Usage: npx tsx bench/detection-matrix.ts [--quick] [--runs 3] [--clean N] [--duration 60s] [--concurrency 2]
 *        [--only heap-leak,stall] [--no-webrtc]
 *  --quick: each WebSocket fault at its floor once, 3 clean runs, 45 s soaks (about 15 minutes on 2 cores);
 *  full: every severity 3 times, as many clean runs as faulty ones, 60 s soaks (the expected time is printed first).
 */
import { median } from 'simple-statistics';
import { parseDurationMs } from '../harness/synth/write-log.ts';
import { faultCatalog } from '../reference/faults/fault-spec.ts';
import { wilsonInterval } from './lib/binomial-interval.ts';
import { faultSpecOf, faultsWithoutCase, MATRIX_FAULTS, type MatrixFault } from './lib/matrix-faults.ts';
import { isQuick, markdownTable, recordAim, writeResultsSection } from './lib/results-file.ts';
import { runBenchSoak, runPool } from './lib/user-soak-child.ts';

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const quick = isQuick();
const durationText = flag('duration') ?? (quick ? '45s' : '60s');
const durationMs = parseDurationMs(durationText);
const runsPerCell = Number(flag('runs') ?? (quick ? 1 : 3));
const concurrency = Number(flag('concurrency') ?? 2);
const only = flag('only')?.split(',');
const withWebrtc = !argv.includes('--no-webrtc') && !quick;
/** Start-up, analysis and reports around a soak's scripted time, measured 55 s for a 45 s soak on the loaded 2-core machine. */
const EXPECTED_OVERHEAD_MS = 45_000;

function fail(message: string): never {
  console.error(`detection-matrix: ${message}`);
  process.exit(64);
}
if (!(runsPerCell >= 1) || !(concurrency >= 1) || !(durationMs >= 20_000)) fail('--runs >= 1, --concurrency >= 1, --duration >= 20s');
const missingCases = faultsWithoutCase();
if (missingCases.length) fail(`no matrix case for fault(s) ${missingCases.join(', ')} (add them to bench/lib/matrix-faults.ts)`);
const unknown = only?.filter((name) => !MATRIX_FAULTS.some((f) => f.name === name)) ?? [];
if (unknown.length) fail(`--only: unknown fault(s) ${unknown.join(', ')}`);

// A case for a fault the catalog does not have (yet) is skipped: SOAK_FAULTS would refuse it.
const inCatalog = MATRIX_FAULTS.filter((f) => faultCatalog.some((c) => c.name === f.name));
const faults = inCatalog.filter((f) => (only ? only.includes(f.name) : withWebrtc || f.settings?.SOAK_TRANSPORT !== 'webrtc'));
interface Cell {
  fault: MatrixFault;
  severity: number | null;
}
const cells: Cell[] = faults.flatMap((fault) =>
  (quick ? [fault.floor !== null && fault.severities.includes(fault.floor) ? fault.floor : fault.severities[0]!] : fault.severities).map((severity) => ({
    fault,
    severity,
  })),
);
const faultyRuns = cells.length * runsPerCell;
const cleanRuns = Number(flag('clean') ?? (quick ? 3 : faultyRuns));
const totalRuns = faultyRuns + cleanRuns;
const expectedMin = (totalRuns * (durationMs + EXPECTED_OVERHEAD_MS)) / concurrency / 60_000;
console.log(
  `detection matrix: ${cells.length} fault cells x ${runsPerCell} run(s) + ${cleanRuns} clean = ${totalRuns} soaks of ${durationText}, ${concurrency} at a time; expected about ${expectedMin.toFixed(0)} min`,
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
}

function brokenRun(error: string, startedMs: number): RunOutcome {
  const none = { failed: [], verdict: 'none', firstWarning: null, warningIds: [], faultsApplied: false, complete: false };
  return { ok: false, error, ...none, wallMs: performance.now() - startedMs };
}

async function soakOnce(spec: string, settings: Record<string, string>): Promise<RunOutcome> {
  const started = performance.now();
  try {
    const run = await runBenchSoak({ SOAK_DURATION: durationText, SOAK_FAULTS: spec, ...settings }, durationMs + 180_000);
    const warnings = run.records.flatMap((r) => (r.type === 'monitor' && r.kind === 'warning' ? [{ s: r.tMs / 1000, id: r.id }] : []));
    if (!run.report) return brokenRun(`no report (exit ${run.code})`, started);
    const failed = run.report.assertions.filter((a) => !a.passed).map((a) => ({ id: a.id, level: a.level }));
    return {
      ok: true,
      failed,
      verdict: run.report.verdict,
      firstWarning: warnings.length ? warnings.reduce((a, b) => (b.s < a.s ? b : a)) : null,
      warningIds: [...new Set(warnings.map((w) => w.id))],
      faultsApplied: spec === '' || run.report.assertions.some((a) => a.id === 'faults-applied' && a.passed),
      complete: !failed.some((f) => f.id === 'run-complete'),
      wallMs: performance.now() - started,
    };
  } catch (error) {
    return brokenRun((error instanceof Error ? error.message.split('\n')[0]! : String(error)).slice(0, 200), started);
  }
}

const startedMs = performance.now();
let done = 0;
const tasks: (() => Promise<{ cell: Cell | null; outcome: RunOutcome }>)[] = [];
const clean = (i: number) => async () => {
  const outcome = await soakOnce('', {});
  console.log(
    `  [${++done}/${totalRuns}] clean #${i + 1}: ${outcome.ok ? `${outcome.verdict}, failed ${outcome.failed.map((f) => `${f.level} ${f.id}`).join(', ') || 'none'}` : outcome.error}`,
  );
  return { cell: null, outcome };
};
// Clean runs interleaved with the faulty ones, so both see the same machine load.
const faultTasks = cells.flatMap((cell) =>
  Array.from({ length: runsPerCell }, () => async () => {
    const spec = faultSpecOf(cell.fault, cell.severity);
    const outcome = await soakOnce(spec, cell.fault.settings ?? {});
    const hit = outcome.failed.filter((f) => cell.fault.detects.includes(f.id));
    console.log(
      `  [${++done}/${totalRuns}] ${spec}: ${outcome.ok ? (hit.length ? `detected (${hit.map((h) => `${h.level} ${h.id}`).join(', ')})` : `MISSED (failed: ${outcome.failed.map((f) => f.id).join(', ') || 'none'})`) : outcome.error}`,
    );
    return { cell, outcome };
  }),
);
for (let i = 0, c = 0; i < faultTasks.length || c < cleanRuns; i++) {
  if (i < faultTasks.length) tasks.push(faultTasks[i]!);
  const due = Math.round(((i + 1) * cleanRuns) / Math.max(1, faultTasks.length));
  while (c < Math.min(cleanRuns, i >= faultTasks.length - 1 ? cleanRuns : due)) tasks.push(clean(c++));
}
const results = await runPool(tasks, concurrency);
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
const broken = results.filter((r) => !r.outcome.ok || !r.outcome.complete || !r.outcome.faultsApplied);
const meanWallS = results.reduce((s, r) => s + r.outcome.wallMs, 0) / results.length / 1000;
const timing = `${totalRuns} soaks of ${durationText} at concurrency ${concurrency}: ${wallMin.toFixed(1)} min wall (expected ${expectedMin.toFixed(0)}), ${meanWallS.toFixed(0)} s per soak on average${broken.length ? `; ${broken.length} broken run(s), left out of the rates: ${broken.map((b) => `${b.cell ? faultSpecOf(b.cell.fault, b.cell.severity) : 'clean'}: ${brokenReason(b.outcome)}`).join('; ')}` : ''}`;
const fullNote = quick
  ? `Quick mode: each WebSocket fault at its floor once (the WebRTC faults ${inCatalog
      .filter((f) => f.settings?.SOAK_TRANSPORT === 'webrtc')
      .map((f) => f.name)
      .join(
        ', ',
      )} run only in full mode). Full mode: ${inCatalog.reduce((n, f) => n + f.severities.length, 0)} cells x 3 runs plus as many clean runs, 60 s soaks: about ${((inCatalog.reduce((n, f) => n + f.severities.length, 0) * 3 * 2 * (60_000 + EXPECTED_OVERHEAD_MS)) / 2 / 3_600_000).toFixed(1)} h at concurrency 2.`
  : 'Full mode: every severity, 3 runs each, as many clean runs as faulty ones.';
const body = [
  `Real soaks of the embedded target through \`playwright test tests/memory-monitor.spec.ts --project=chromium\` (SOAK_DURATION ${durationText}, the short-run script and settings of tests/e2e/user-runs/run-user-soak.ts). Detected: an assertion naming the fault failed (error or warn level); a run whose fault was not applied counts as broken, never as detected. First warning: the page monitor's first early warning (any id), seconds into the run.`,
  '',
  markdownTable(head, rows),
  '',
  markdownTable(['clean runs', 'value'], cleanRows),
  '',
  timing,
  '',
  fullNote,
].join('\n');
console.log(`\n${body}\n`);
writeResultsSection('detection-matrix', 'Detection matrix on real runs', body);
const allFaults = faults.length === inCatalog.length;
recordAim(
  'detection',
  `${floorMisses.length ? `missed at floor: ${floorMisses.join('; ')}` : 'every floor cell detected in every run'}; clean false alarms ${falseAlarms.length}/${cleanGood.length} (95 % CI up to ${pct(ci.high)})${allFaults ? '' : `; ${inCatalog.length - faults.length} fault(s) not run`}`,
  floorMisses.length === 0 && falseAlarms.length === 0 && cleanGood.length > 0 && allFaults && broken.length === 0,
  'bench/detection-matrix.ts',
);
