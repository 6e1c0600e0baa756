/**
 * What does the sampling heap profiler cost? The embedded target in headless Chromium talks continuously; the 1 Hz
 * CDP sampler runs throughout, with a forced-GC sample every 5 s (as at turn ends); phases alternate in one run:
 * profiler OFF, then ON at each sampling interval (HeapProfiler.startSampling, a checkpoint at every GC sample,
 * as in a soak). Prints per phase kind, and as a ratio to OFF:
 *  - the app's audio processing time (in-page monitor 'audio-chunk' processingMs: mean, p99) and message handler
 *    time ('message' handlerMs p99),
 *  - the sampler's latency (p50, p99) and the largest gap between two samples,
 *  - the checkpoint's HeapProfiler.getSamplingProfile time (p50, max) and the live sampled sites it saw.
 * Usage: npx tsx bench/heap-profile-cost.ts [--quick] [--phase-ms 10000] [--pairs 2] [--intervals 2048,4096,16384]
 *  --quick: 5 s phases, 1 pair, the 4096 B interval only. The table goes to bench/results.md too.
 */
import { APP_COST_HEAD, APP_COST_WIDTHS, addAppCost, appCostCells, fmt, printAndRecord, q, type AppCost } from './lib/app-cost-table.ts';
import { createCdpSampler } from '../harness/collect/cdp-sampler.ts';
import { createHarnessClock } from '../harness/collect/recording/harness-clock.ts';
import { createHeapProfileCheckpoints } from '../harness/collect/heap-profile-checkpoints.ts';
import type { LogRecord } from '../harness/log/log-schema.ts';
import { isQuick } from './lib/results-file.ts';
import { openTalkingEmbeddedPage } from './lib/talking-embedded-page.ts';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? String(process.argv[at + 1]) : fallback;
};
const phaseMs = Number(arg('phase-ms', isQuick() ? '5000' : '10000'));
const pairs = Number(arg('pairs', isQuick() ? '1' : '2'));
const intervals = arg('intervals', isQuick() ? '4096' : '2048,4096,16384')
  .split(',')
  .map(Number);
if (!(phaseMs >= 2000) || !(pairs >= 1) || intervals.some((n) => !(n >= 128))) {
  console.error('heap-profile-cost: --phase-ms >= 2000, --pairs >= 1, --intervals bytes >= 128 (comma-separated)');
  process.exit(64);
}

const { page, drainMonitor, close } = await openTalkingEmbeddedPage();
const session = await page.context().newCDPSession(page);

interface PhaseResult extends AppCost {
  latencyMs: number[];
  maxGapMs: number;
  profileMs: number[];
  sites: number[];
}
const results = new Map<string, PhaseResult>();
const phaseKinds = ['off', ...intervals.map((i) => `on ${i} B`)];
for (const kind of phaseKinds) results.set(kind, { chunkMs: [], handlerMs: [], latencyMs: [], maxGapMs: 0, profileMs: [], sites: [] });

async function runPhase(kind: string, intervalBytes: number | null): Promise<void> {
  const records: LogRecord[] = [];
  const listeners = new Set<(record: LogRecord) => void>();
  const sink = {
    write: (record: unknown) => {
      records.push(record as LogRecord);
      for (const listener of listeners) listener(record as LogRecord);
    },
    onRecord: (listener: (record: LogRecord) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const clock = createHarnessClock();
  const sampler = createCdpSampler({ pageSession: session, sink, clock, intervalMs: 1_000 });
  const profiler =
    intervalBytes === null
      ? null
      : createHeapProfileCheckpoints({ session, sink, clock, exclusive: sampler.exclusive, samplingIntervalBytes: intervalBytes, checkpointEveryMs: 4_000 });
  await sampler.start();
  await profiler?.start();
  const gcTimer = setInterval(() => void sampler.gcSample('bench'), 5_000);
  await new Promise((r) => setTimeout(r, phaseMs));
  clearInterval(gcTimer);
  await profiler?.finish();
  await sampler.stop();
  const result = results.get(kind)!;
  const samples = records.filter((r) => r.type === 'cdp');
  for (const [i, s] of samples.entries()) {
    if (s.sampleLatencyMs !== undefined) result.latencyMs.push(s.sampleLatencyMs);
    if (i > 0) result.maxGapMs = Math.max(result.maxGapMs, s.tMs - samples[i - 1]!.tMs);
  }
  for (const r of records) {
    if (r.type === 'heap-sites') {
      result.profileMs.push(r.profileMs ?? 0);
      result.sites.push(r.sites.length);
    }
  }
  addAppCost(result, await drainMonitor());
}

await drainMonitor();
for (let pair = 0; pair < pairs; pair++) {
  await runPhase('off', null);
  for (const interval of intervals) await runPhase(`on ${interval} B`, interval);
}
await close();

const off = results.get('off')!;
printAndRecord(
  { name: 'heap-profile-cost', heading: 'Sampling heap profiler cost (bench/heap-profile-cost.ts)' },
  `heap profile cost: ${pairs} x (${phaseKinds.join(', ')}), ${phaseMs / 1000} s each, headless Chromium, embedded target, 1 Hz sampler + GC sample every 5 s`,
  ['phase', ...APP_COST_HEAD, 'lat p50', 'lat p99', 'ratio', 'max gap', 'profile p50', 'profile max'],
  [12, ...APP_COST_WIDTHS, 8, 8, 7, 8, 12, 12],
  phaseKinds.map((kind) => {
    const r = results.get(kind)!;
    return [
      kind,
      ...appCostCells(r, off),
      fmt(q(r.latencyMs, 0.5)),
      fmt(q(r.latencyMs, 0.99)),
      fmt(q(r.latencyMs, 0.5) / q(off.latencyMs, 0.5), 2),
      fmt(r.maxGapMs, 0),
      r.profileMs.length ? fmt(q(r.profileMs, 0.5), 1) : '-',
      r.profileMs.length ? fmt(Math.max(...r.profileMs), 1) : '-',
    ];
  }),
  'ms throughout; ratio = ON / OFF (chunk mean; sampler latency p50); max gap = largest time between two CDP samples',
);
