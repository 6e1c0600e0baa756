/**
 * What the in-page monitor costs, printed as tables:
 *  1. bundle size of dist/voice-soak-monitor.js (min, gzip), and how much of it zod is;
 *  2. per-message overhead: synthetic dispatch (ns/message) and real loopback WebSocket throughput (messages/s),
 *     without and with the monitor;
 *  3. the monitor's own heap footprint over 8 hours of synthetic Realtime traffic compressed into seconds
 *     (fake clock, ~20 messages/s plus 40 audio API calls/s), post-GC, compared with the same traffic unmonitored.
 * Run: npx tsx bench/monitor-overhead.ts [--quick]  (loopback only; about a minute; --quick: 5000-message bursts,
 * simulated time up to 1 hour). The three tables go to bench/results.md too.
 */
import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WebSocketServer } from 'ws';
import { buildMonitor } from '../harness/monitor/build-monitor.ts';
import { findChromium } from '../harness/setup/find-chromium.ts';
import { driveSyntheticHours, dispatchLoop } from './lib/monitor-synthetic-traffic.ts';
import { isQuick, markdownTable, writeResultsSection } from './lib/results-file.ts';

/** console.table's object-of-rows as Markdown (row key first). */
function objectTable(rows: Record<string, Record<string, unknown>>): string {
  const columns = [...new Set(Object.values(rows).flatMap((r) => Object.keys(r)))];
  return markdownTable(
    ['', ...columns],
    Object.entries(rows).map(([key, row]) => [key, ...columns.map((c) => (row[c] === null || row[c] === undefined ? '' : String(row[c])))]),
  );
}
const sections: string[] = [];

const DELTA = Buffer.alloc(4800, 3).toString('base64');
const KB = 1024;
const MB = 1024 * 1024;

async function bundleTable() {
  const result = await buildMonitor();
  const out = Object.values(result.metafile.outputs).find((o) => o.entryPoint?.endsWith('entry-iife.ts'))!;
  let zodBytes = 0;
  for (const [path, input] of Object.entries(out.inputs)) if (path.includes('node_modules/zod')) zodBytes += input.bytesInOutput;
  // What-if: the same bundle if analyze.ts took REPORT_SCHEMA_VERSION from a zod-free module (measurement only).
  const whatIf = await build({
    entryPoints: [join(import.meta.dirname, '..', 'harness', 'monitor', 'entry-iife.ts')],
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    logLevel: 'silent',
    define: { __VOICE_SOAK_VERSION__: '"bench"' },
    plugins: [
      {
        name: 'no-report-schema',
        setup(b) {
          b.onResolve({ filter: /report-schema\.ts$/ }, (args) => ({ path: args.path, namespace: 'stub' }));
          b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export const REPORT_SCHEMA_VERSION = 1;', loader: 'ts' }));
        },
      },
    ],
  });
  const whatIfBytes = whatIf.outputFiles[0]!.contents;
  const bundle = {
    'voice-soak-monitor.js (IIFE)': { minKB: +(result.iifeBytes / KB).toFixed(1), gzipKB: +(result.gzipBytes / KB).toFixed(1) },
    'voice-soak-monitor.mjs (ESM)': { minKB: +(result.esmBytes / KB).toFixed(1), gzipKB: null },
    'of which zod (min)': { minKB: +(zodBytes / KB).toFixed(1), gzipKB: null },
    'what-if: without report-schema.ts runtime import': {
      minKB: +(whatIfBytes.length / KB).toFixed(1),
      gzipKB: +(gzipSync(whatIfBytes, { level: 9 }).length / KB).toFixed(1),
    },
  };
  console.log('\nBundle (harness/monitor/dist)');
  console.table(bundle);
  sections.push('Bundle (harness/monitor/dist)', '', objectTable(bundle), '');
  return result.iifePath;
}

async function startServers(burst: number) {
  const http = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title>'));
  const wss = new WebSocketServer({ server: http });
  const frame = JSON.stringify({ type: 'response.output_audio.delta', response_id: 'resp_1', item_id: 'i', delta: DELTA });
  wss.on('connection', (socket) =>
    socket.on('message', () => {
      for (let i = 0; i < burst; i += 1) socket.send(i % 10 === 9 ? '{"type":"response.output_audio_transcript.delta","delta":"hi"}' : frame);
    }),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: () => {
      wss.close();
      http.close();
    },
  };
}

async function throughput(page: Page, burst: number): Promise<number> {
  return page.evaluate(
    (n) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`ws://${location.host}/`);
        let received = 0;
        let start = 0;
        ws.onmessage = (event) => {
          JSON.parse(event.data as string);
          received += 1;
          if (received === n) {
            resolve((n / (performance.now() - start)) * 1000);
            ws.close();
          }
        };
        ws.onopen = () => {
          start = performance.now();
          ws.send('go');
        };
      }),
    burst,
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

async function main() {
  const iifePath = await bundleTable();
  const burst = isQuick() ? 5_000 : 20_000;
  const server = await startServers(burst);
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ['--enable-precise-memory-info'] });
  try {
    const rows: Record<string, Record<string, number>> = {};
    for (const monitored of [false, true]) {
      const page = await browser.newPage();
      if (monitored) {
        await page.addInitScript(() => {
          (window as unknown as { VOICE_SOAK_MONITOR_OPTIONS: unknown }).VOICE_SOAK_MONITOR_OPTIONS = { panel: false, console: false };
        });
        await page.addInitScript({ path: iifePath });
      }
      await page.goto(server.origin);
      const dispatchNs = median([await dispatchLoop(page, 50_000), await dispatchLoop(page, 50_000), await dispatchLoop(page, 50_000)]);
      const rates = [await throughput(page, burst), await throughput(page, burst), await throughput(page, burst)];
      rows[monitored ? 'with monitor' : 'without monitor'] = {
        'dispatch ns/message (4.8 KB audio delta)': Math.round(dispatchNs),
        'loopback WS messages/s (median of 3)': Math.round(median(rates)),
      };
      await page.close();
    }
    console.log('\nPer-message overhead (Chromium, one audio-delta JSON frame parsed by the app handler)');
    console.table(rows);
    sections.push('Per-message overhead (Chromium, one audio-delta JSON frame parsed by the app handler)', '', objectTable(rows), '');

    const footprint: Record<string, Record<string, number | string>> = {};
    const checkpointsMin = isQuick() ? [7, 30, 60] : [7, 30, 60, 120, 240, 480];
    for (const monitored of [false, true]) {
      const page = await browser.newPage();
      await page.addInitScript((m) => {
        const w = window as unknown as { fakeMs: number; VOICE_SOAK_MONITOR_OPTIONS: unknown };
        w.fakeMs = 0;
        if (m) w.VOICE_SOAK_MONITOR_OPTIONS = { panel: false, console: false, autoStart: false, now: () => w.fakeMs };
      }, monitored);
      if (monitored) await page.addInitScript({ path: iifePath });
      await page.goto(server.origin);
      const cdp = await page.context().newCDPSession(page);
      const heapMb = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize / MB;
      };
      const startMb = await heapMb();
      const startedMs = Date.now();
      for (const minutes of checkpointsMin) {
        const stats = await driveSyntheticHours(page, minutes * 60_000, DELTA);
        const key = `${minutes} min`;
        footprint[key] ??= {};
        footprint[key]![monitored ? 'with monitor MB' : 'without MB'] = +((await heapMb()) - startMb).toFixed(2);
        if (monitored) {
          footprint[key]!['monitor records kept'] = stats.records;
          footprint[key]!['messages so far'] = stats.messages;
        }
      }
      footprint['wall time'] ??= {};
      footprint['wall time']![monitored ? 'with monitor MB' : 'without MB'] = `${((Date.now() - startedMs) / 1000).toFixed(1)} s`;
      await page.close();
    }
    for (const row of Object.values(footprint)) {
      if (typeof row['with monitor MB'] === 'number' && typeof row['without MB'] === 'number')
        row['monitor footprint MB'] = +(row['with monitor MB'] - row['without MB']).toFixed(2);
    }
    const footprintTitle = `Heap growth over simulated time, post-GC (${checkpointsMin.at(-1)! / 60} h of synthetic Realtime traffic, fake clock)`;
    console.log(`\n${footprintTitle}`);
    console.table(footprint);
    sections.push(footprintTitle, '', objectTable(footprint));
    writeResultsSection('monitor-overhead', 'Monitor cost (bench/monitor-overhead.ts)', sections.join('\n'));
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(`monitor-overhead: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
