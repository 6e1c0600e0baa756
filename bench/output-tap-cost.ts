/**
 * What does the audio output tap cost the page? The embedded target in headless Chromium talks continuously (replies
 * play through Web Audio, so the tap hears them); phases alternate in one run: tap OFF (its worklets disconnected,
 * nothing measured), tap ON. Prints per phase kind, and as a ratio to OFF:
 *  - the app's audio processing time (in-page monitor 'audio-chunk' processingMs: mean, p99) and message handler
 *    time ('message' handlerMs p99);
 *  - the tap's own main-thread time per second of audio (handling its worklets' batches) and what it wrote
 *    (audio-out records and bytes per minute).
 * The worklet itself runs on the audio rendering thread, not the page's main thread.
 * Usage: npx tsx bench/output-tap-cost.ts [--quick] [--phase-ms 10000] [--pairs 3]
 *  --quick: 5 s phases, 2 pairs. The table goes to bench/results.md too.
 */
import { APP_COST_HEAD, APP_COST_WIDTHS, addAppCost, appCostCells, fmt, printAndRecord, type AppCost } from './lib/app-cost-table.ts';
import { isQuick } from './lib/results-file.ts';
import { openTalkingEmbeddedPage } from './lib/talking-embedded-page.ts';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? String(process.argv[at + 1]) : fallback;
};
const phaseMs = Number(arg('phase-ms', isQuick() ? '5000' : '10000'));
const pairs = Number(arg('pairs', isQuick() ? '2' : '3'));
if (!(phaseMs >= 2000) || !(pairs >= 1)) {
  console.error('output-tap-cost: --phase-ms >= 2000, --pairs >= 1');
  process.exit(64);
}

interface TapStats {
  mainThreadMs: number;
  batches: number;
  records: number;
}
interface PhaseResult extends AppCost {
  tapMs: number;
  seconds: number;
  records: number;
  bytes: number;
  audibleFrames: number;
}

const { page, drainMonitor, close } = await openTalkingEmbeddedPage();
const tap = (call: 'on' | 'off' | 'stats') =>
  page.evaluate((what) => {
    const t = (globalThis as unknown as { voiceSoakMonitor: { outputTap: { setEnabled(on: boolean): void; stats(): TapStats } | null } }).voiceSoakMonitor
      .outputTap;
    if (!t) return null;
    if (what !== 'stats') t.setEnabled(what === 'on');
    return t.stats();
  }, call);
if ((await tap('stats')) === null) {
  console.error('output-tap-cost: the monitor in the page has no output tap');
  process.exit(70);
}
const results = new Map<string, PhaseResult>();
for (const kind of ['off', 'on']) results.set(kind, { chunkMs: [], handlerMs: [], tapMs: 0, seconds: 0, records: 0, bytes: 0, audibleFrames: 0 });

async function runPhase(kind: 'off' | 'on'): Promise<void> {
  await tap(kind);
  await drainMonitor();
  const before = (await tap('stats'))!;
  await new Promise((r) => setTimeout(r, phaseMs));
  const after = (await tap('stats'))!;
  const result = results.get(kind)!;
  result.tapMs += after.mainThreadMs - before.mainThreadMs;
  result.seconds += phaseMs / 1000;
  const records = await drainMonitor();
  addAppCost(result, records);
  for (const r of records) {
    if (r.type === 'monitor' && r.kind === 'audio-out') {
      result.records++;
      result.bytes += JSON.stringify(r).length + 1;
      result.audibleFrames += r.levelsDb.filter((l) => l > -50).length;
    }
  }
}

for (let pair = 0; pair < pairs; pair++) {
  await runPhase('off');
  await runPhase('on');
}
await tap('on');
await close();

const off = results.get('off')!;
printAndRecord(
  { name: 'output-tap-cost', heading: 'Audio output tap cost (bench/output-tap-cost.ts)' },
  `output tap cost: ${pairs} x (off, on), ${phaseMs / 1000} s each, headless Chromium, embedded target talking continuously`,
  ['phase', ...APP_COST_HEAD, 'tap ms/s', 'records/min', 'KB/min', 'audible s'],
  [7, ...APP_COST_WIDTHS, 10, 12, 8, 10],
  ['off', 'on'].map((kind) => {
    const r = results.get(kind)!;
    const minutes = r.seconds / 60;
    return [
      kind,
      ...appCostCells(r, off),
      fmt(r.tapMs / r.seconds, 3),
      fmt(r.records / minutes, 0),
      fmt(r.bytes / 1024 / minutes, 1),
      fmt((r.audibleFrames * 10) / 1000, 1),
    ];
  }),
  "ms throughout; ratio = chunk mean ON / OFF; tap ms/s = the tap's main-thread time per second of run; audible s = audible output heard",
);
