/**
 * Soak a third-party Realtime client that knows nothing of voice-soak (tests/third-party-client: a static page with
 * a hard-coded wss://api.openai.com/v1/realtime URL and a Talk button), with its socket redirected to the embedded
 * realtime server. Nothing may leave the machine: a context-wide guard aborts and records any non-loopback request.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { SoakRunOptions } from '../../../harness/collect/soak-run-options.ts';
import { startRealtimeServer, type RealtimeServer } from '../../../target/server/start-realtime-server.ts';
import { readRunLog } from '../harness/read-run-log.ts';
import { isLoopbackUrl } from './loopback-guard.ts';
import { runGuardedSoak } from './run-guarded-soak.ts';
import { serveStaticDir, type StaticServer } from './serve-static-dir.ts';
import { SHORT_RUN_SCRIPT, SHORT_RUN_THRESHOLDS, SOAK_E2E_RUNS_DIR, describeFindings, failedErrorIds } from './soak-fault-fixtures.ts';

const CLIENT_DIR = join(import.meta.dirname, '..', '..', 'third-party-client');
const OPENAI_REALTIME = 'wss://api.openai.com/v1/realtime*';

let realtime: RealtimeServer;
let site: StaticServer;

test.describe.configure({ mode: 'serial', timeout: 75_000 });

test.beforeAll(async () => {
  realtime = await startRealtimeServer({ port: 0, replyScale: 0.25 });
  site = await serveStaticDir(CLIENT_DIR);
});

test.afterAll(async () => {
  await site?.close();
  await realtime?.close();
});

function options(durationMs: number, realtimeUrl: string): SoakRunOptions {
  return {
    durationMs,
    targetUrl: site.url,
    embedded: false,
    startSelector: '#talk',
    micMode: 'controllable',
    micDir: undefined,
    scriptPath: SHORT_RUN_SCRIPT,
    faults: '',
    redirectWs: [OPENAI_REALTIME],
    realtimeUrl,
    sampleIntervalMs: 1_000,
    outputDir: SOAK_E2E_RUNS_DIR,
    apiKey: undefined,
    thresholds: SHORT_RUN_THRESHOLDS,
  };
}

test('a third-party client soaks clean through the redirect, and nothing leaves the machine', async ({ browser }) => {
  const { result, logPath, guard } = await runGuardedSoak(browser, options(30_000, realtime.wsUrl), 'third-party clean');
  expect(guard.blocked, 'requests to non-loopback hosts').toEqual([]);
  expect(guard.seen.length).toBeGreaterThanOrEqual(2); // the page and its script, at least
  expect(guard.seen.filter((url) => !isLoopbackUrl(url))).toEqual([]);

  const { records } = readRunLog(logPath);
  const notes = records.filter((r) => r.type === 'harness' && r.kind === 'note').map((r) => (r as { detail?: string }).detail ?? '');
  expect(notes.some((d) => d.startsWith('redirect-ws wss://api.openai.com/v1/realtime?model=gpt-realtime -> ws://127.0.0.1:'))).toBe(true);
  expect(notes.join('\n')).not.toContain('sk-replace-me'); // the client's key is neither forwarded nor logged

  // ws records from the in-page monitor: the page's own socket (hard-coded URL), open and streaming.
  const ws = records.filter((r) => r.type === 'ws');
  expect(ws.some((r) => r.url.startsWith('wss://api.openai.com/v1/realtime') && r.readyState === 1 && r.framesSent > 50)).toBe(true);
  // Turns with time to first response: rt first-audio after each speech-stopped.
  const rt = records.filter((r) => r.type === 'rt');
  const stops = rt.filter((r) => r.kind === 'speech-stopped');
  const ttfrMs = stops.map((s) => rt.find((r) => r.kind === 'first-audio' && r.tMs >= s.tMs)).map((f, i) => (f ? f.tMs - stops[i]!.tMs : NaN));
  expect(ttfrMs.filter((ms) => ms >= 0 && ms < 3_000).length).toBeGreaterThanOrEqual(4);
  expect(result.report.metrics).toBeDefined();

  expect(failedErrorIds(result.report), describeFindings(result)).toEqual([]);
  expect(result.report.verdict).not.toBe('fail');
});

test('the same client fails with ttfr-growth when the server adds 400 ms per turn', async ({ browser }) => {
  const url = `${realtime.wsUrl}?voice_soak_faults=latency-growth:400`;
  const { result, guard } = await runGuardedSoak(browser, options(35_000, url), 'third-party latency-growth');
  expect(guard.blocked).toEqual([]);
  expect(failedErrorIds(result.report), describeFindings(result)).toContain('ttfr-growth');
});
