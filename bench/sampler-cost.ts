/**
 * What does 1 Hz CDP sampling cost? Runs the embedded target in headless Chromium with the controllable mic
 * talking continuously, alternating sampler OFF and ON phases in one run, and prints:
 *  - per-sample latency p50/p99 (CDP round trips, ms),
 *  - renderer time per sample: delta of Performance.getMetrics DevToolsCommandDuration between samples (ms),
 *  - the app's own audio processing time (in-page monitor 'audio-chunk' processingMs) and message handler time
 *    ('message' handlerMs), p50/p99 per phase kind.
 * Writes its table to bench/results.md with the aims "renderer time per sample <= 1 ms" (p50) and "app audio
 * processing time changed <= 1 %" (ratio of the audio-chunk means, ON / OFF).
 * Usage: npx tsx bench/sampler-cost.ts [--quick] [--phase-ms 10000] [--pairs 3] [--interval-ms 1000]
 *  --quick: 5 s phases, 2 pairs.
 */
import { quantile } from 'simple-statistics';
import { m, ratioInterval } from './lib/app-cost-table.ts';
import { isQuick, markdownTable, recordAim, writeResultsSection } from './lib/results-file.ts';
import { createCdpSampler, LIVE_COUNTS_PROBE } from '../harness/collect/cdp-sampler.ts';
import { createHarnessClock } from '../harness/collect/recording/harness-clock.ts';
import type { LogRecord } from '../harness/log/log-schema.ts';
import { openTalkingEmbeddedPage } from './lib/talking-embedded-page.ts';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const phaseMs = arg('phase-ms', isQuick() ? 5_000 : 10_000);
const pairs = arg('pairs', isQuick() ? 2 : 3);
const intervalMs = arg('interval-ms', 1_000);

const { browser, page, drainMonitor, close } = await openTalkingEmbeddedPage();

const session = await page.context().newCDPSession(page);
const browserSession = await browser.newBrowserCDPSession();
let devToolsSeconds: number[] = [];
const rendererMsPerSample: number[] = [];
const metered = {
  async send(method: string, params?: object) {
    const result = await session.send(method as 'Performance.getMetrics', params as never);
    if (method === 'Performance.getMetrics') {
      const metric = (result as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'DevToolsCommandDuration');
      if (metric) devToolsSeconds.push(metric.value);
    }
    return result;
  },
};

const results = { off: { chunkMs: [] as number[], handlerMs: [] as number[] }, on: { chunkMs: [] as number[], handlerMs: [] as number[] } };
const latencyMs: number[] = [];
await drainMonitor();
for (let pair = 0; pair < pairs; pair++) {
  for (const phase of ['off', 'on'] as const) {
    const records: LogRecord[] = [];
    const sampler =
      phase === 'on'
        ? createCdpSampler({
            pageSession: metered,
            browserSession,
            sink: { write: (r) => records.push(r as LogRecord) },
            clock: createHarnessClock(),
            intervalMs,
          })
        : undefined;
    devToolsSeconds = [];
    await sampler?.start();
    await new Promise((r) => setTimeout(r, phaseMs));
    await sampler?.stop();
    // Deltas within the phase only: the monitor drains between phases are DevTools commands too.
    rendererMsPerSample.push(...devToolsSeconds.slice(1).map((sec, i) => (sec - devToolsSeconds[i]!) * 1000));
    for (const r of records) if (r.type === 'cdp' && r.sampleLatencyMs !== undefined) latencyMs.push(r.sampleLatencyMs);
    for (const r of await drainMonitor()) {
      if (r.type === 'monitor' && r.kind === 'audio-chunk') results[phase].chunkMs.push(r.processingMs);
      if (r.type === 'monitor' && r.kind === 'message') results[phase].handlerMs.push(r.handlerMs);
    }
  }
}

// Where a sample's renderer time goes: each of its page-session commands alone, as the rise of
// DevToolsCommandDuration across it (the reading getMetrics included; "getMetrics alone" is that reading's own cost).
const commandCost: Array<[string, number[]]> = [];
const devToolsSecondsNow = async () =>
  (await session.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'DevToolsCommandDuration')?.value ?? Number.NaN;
for (const [name, command] of [
  ['getMetrics alone (the reading)', async () => undefined],
  ['+ Performance.getMetrics', () => session.send('Performance.getMetrics')],
  ['+ Runtime.getHeapUsage', () => session.send('Runtime.getHeapUsage')],
  ['+ Runtime.evaluate (liveness probe)', () => session.send('Runtime.evaluate', { expression: LIVE_COUNTS_PROBE, returnByValue: true })],
] as const) {
  const deltas: number[] = [];
  for (let i = 0; i < (isQuick() ? 15 : 40); i++) {
    const before = await devToolsSecondsNow();
    await command();
    deltas.push(((await devToolsSecondsNow()) - before) * 1000);
    await new Promise((r) => setTimeout(r, 50));
  }
  commandCost.push([name, deltas]);
}

const q = (values: number[], p: number) => (values.length ? quantile(values, p).toFixed(3) : 'n/a');
const rows: Array<[string, string, string, string]> = [
  ['per-sample latency (ms)', String(latencyMs.length), q(latencyMs, 0.5), q(latencyMs, 0.99)],
  ['renderer time per sample (ms)', String(rendererMsPerSample.length), q(rendererMsPerSample, 0.5), q(rendererMsPerSample, 0.99)],
  ['app audio-chunk ms, sampler OFF', String(results.off.chunkMs.length), q(results.off.chunkMs, 0.5), q(results.off.chunkMs, 0.99)],
  ['app audio-chunk ms, sampler ON', String(results.on.chunkMs.length), q(results.on.chunkMs, 0.5), q(results.on.chunkMs, 0.99)],
  ['app message handler ms, sampler OFF', String(results.off.handlerMs.length), q(results.off.handlerMs, 0.5), q(results.off.handlerMs, 0.99)],
  ['app message handler ms, sampler ON', String(results.on.handlerMs.length), q(results.on.handlerMs, 0.5), q(results.on.handlerMs, 0.99)],
];
const ratio = m(results.on.chunkMs) / m(results.off.chunkMs);
const title = `sampler cost: ${pairs} x (${phaseMs / 1000} s off, ${phaseMs / 1000} s on), interval ${intervalMs} ms, headless Chromium, embedded target`;
console.log(title);
console.log(['measure'.padEnd(38), 'n'.padStart(6), 'p50'.padStart(10), 'p99'.padStart(10)].join(''));
for (const [name, n, p50, p99] of rows) console.log([name.padEnd(38), n.padStart(6), p50.padStart(10), p99.padStart(10)].join(''));
const interval = ratioInterval(results.on.chunkMs, results.off.chunkMs);
const intervalText = Number.isFinite(interval.low)
  ? ` (95 % bootstrap interval ${interval.low.toFixed(3)}-${interval.high.toFixed(3)}: the resolution of this run)`
  : '';
const ratioLine = `app audio-chunk mean ON / OFF: ${Number.isFinite(ratio) ? ratio.toFixed(3) : 'n/a'}${intervalText}`;
console.log(ratioLine);
for (const [name, deltas] of commandCost)
  console.log(`${name.padEnd(38)}${String(deltas.length).padStart(6)}${q(deltas, 0.5).padStart(10)}${q(deltas, 0.9).padStart(10)}  (renderer ms per command)`);
writeResultsSection(
  'sampler-cost',
  'Sampler cost (bench/sampler-cost.ts)',
  [
    title,
    '',
    markdownTable(['measure', 'n', 'p50', 'p99'], rows),
    '',
    ratioLine,
    '',
    'Renderer time of each command a sample sends (DevToolsCommandDuration across the command, ms; each "+" row includes one getMetrics reading, the first row is that reading alone):',
    '',
    markdownTable(
      ['command', 'n', 'p50', 'p90'],
      commandCost.map(([name, deltas]) => [name, String(deltas.length), q(deltas, 0.5), q(deltas, 0.9)]),
    ),
  ].join('\n'),
);
const rendererP50 = rendererMsPerSample.length ? quantile(rendererMsPerSample, 0.5) : Number.NaN;
recordAim(
  'renderer-ms',
  Number.isFinite(rendererP50)
    ? `p50 ${rendererP50.toFixed(3)} ms, p99 ${q(rendererMsPerSample, 0.99)} ms per sample (${rendererMsPerSample.length} samples)`
    : 'no samples',
  rendererP50 <= 1,
  'bench/sampler-cost.ts',
);
recordAim(
  'audio-ratio',
  Number.isFinite(ratio)
    ? `audio-chunk mean ON / OFF ${ratio.toFixed(3)} (${((ratio - 1) * 100).toFixed(1)} %, 95 % interval ${interval.low.toFixed(3)}-${interval.high.toFixed(3)}), ${results.on.chunkMs.length} + ${results.off.chunkMs.length} chunks`
    : 'no audio chunks',
  Math.abs(ratio - 1) <= 0.01,
  'bench/sampler-cost.ts',
);

await close();
