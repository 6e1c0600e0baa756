/**
 * The peers side by side on the same pages: memlab, fuite and voice-soak, each against the reference app with each
 * of its leak faults, the clean reference app, and a third-party-style client with a leak
 * (tests/third-party-clients/leaky-replay). For each tool and page: detected or not, what it named, whether the page
 * held a conversation while the tool drove it (reply audio chunks received), wall time and peak memory of the tool's
 * process tree. memlab and fuite come from a scratch npm prefix (bench/lib/peer-tools.ts, bench/README-peers.md)
 * and use the system Chromium; voice-soak runs as a user runs it (bench/lib/user-soak-child.ts).
 * Usage: npx tsx bench/peers.ts [--quick] [--only heap-leak,clean,leaky-client] [--talk-ms 8000]
 *  --quick: heap-leak, clean and the leaky client, 6 s talks, 3 fuite iterations, 30 s soaks (about 8 minutes on
 *  2 cores); full: all eight pages, 8 s talks, 5 fuite iterations, 45 s soaks (about 25 minutes).
 */
import { join } from 'node:path';
import { startRealtimeServer } from '../reference/server/start-realtime-server.ts';
import { serveStaticDir } from '../tests/e2e/soak/serve-static-dir.ts';
import { MATRIX_FAULTS } from './lib/matrix-faults.ts';
import { ensurePeerTools, PEER_VERSIONS, runFuite, runMemlab, type PeerPage, type PeerRun } from './lib/peer-tools.ts';
import { isQuick, markdownTable, writeResultsSection } from './lib/results-file.ts';
import { runBenchSoak } from './lib/user-soak-child.ts';

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const quick = isQuick();
const talkMs = Number(flag('talk-ms') ?? (quick ? 6_000 : 8_000));
const fuiteIterations = quick ? 3 : 5;
const soakDuration = quick ? '30s' : '45s';

/** The reference app's leak faults, at their defaults (the severities the faults README documents). */
const APP_LEAKS = ['heap-leak', 'retain-audio', 'retain-audiobuffers', 'leak-audiocontext', 'detached-dom', 'listener-leak'];
const LEAKY_CLIENT_IDS = ['buffer-growth', 'dom-growth', 'heap-growth', 'process-memory-growth', 'listener-growth'];

interface Case {
  name: string;
  /** The app fault, '' for the clean app, null for the leaky client. */
  fault: string | null;
  /** Assertion ids that count as voice-soak detecting it (clean: any error-level finding is a false alarm). */
  detects: readonly string[];
}
const allCases: Case[] = [
  ...APP_LEAKS.map((fault) => ({ name: `reference app, ${fault}`, fault, detects: MATRIX_FAULTS.find((f) => f.name === fault)!.detects })),
  { name: 'reference app, clean', fault: '', detects: [] },
  { name: 'third-party client with a leak (leaky-replay)', fault: null, detects: LEAKY_CLIENT_IDS },
];
const only = flag('only')?.split(',');
const cases = allCases.filter((c) => {
  const key = c.fault === null ? 'leaky-client' : c.fault || 'clean';
  return only ? only.includes(key) : !quick || ['heap-leak', 'clean', 'leaky-client'].includes(key);
});

const problem = ensurePeerTools();
const server = await startRealtimeServer({ port: 0 });
const site = await serveStaticDir(join(import.meta.dirname, '..', 'tests', 'third-party-clients'));
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(0)} s`;

function pageOf(c: Case): PeerPage {
  if (c.fault === null) {
    return {
      name: c.name,
      url: `${site.url}leaky-replay/?ws=${encodeURIComponent(server.wsUrl)}`,
      startSelector: '#talk',
      stopSelector: null,
      replyProbe: "document.querySelectorAll('#log p.assistant').length",
      replyUnit: 'reply caption lines on screen',
      stateProbe: "'status ' + document.getElementById('status').textContent",
    };
  }
  return {
    name: c.name,
    url: `${server.httpUrl}?dialect=ga${c.fault ? `&faults=${encodeURIComponent(c.fault)}` : ''}`,
    startSelector: '#start',
    stopSelector: '#stop',
    replyProbe: 'window.voiceApp.state().receivedAudioChunks',
    replyUnit: 'reply chunks',
    stateProbe: "'status ' + window.voiceApp.state().status + ', ' + window.voiceApp.state().turns + ' turns'",
  };
}

function peerCells(run: PeerRun, c: Case, page: PeerPage): string[] {
  const silent = run.replyChunks === 0;
  const talked =
    run.replyChunks === null
      ? `unknown (${run.pageState})`
      : silent
        ? `no: the page never talked (0 ${page.replyUnit}; ${run.pageState})`
        : `yes (${run.replyChunks} ${page.replyUnit}; ${run.pageState})`;
  const verdict =
    run.detected === null
      ? `no result (${run.error})`
      : c.fault === ''
        ? run.detected
          ? 'false alarm'
          : 'no leak (correct)'
        : run.detected
          ? silent
            ? 'flagged, but the page never talked: what it named is not a conversation leak'
            : 'detected'
          : 'missed';
  return [run.tool, c.name, verdict, run.named, talked, secs(run.usage.wallMs), mb(run.usage.peakRssBytes)];
}

const rows: string[][] = [];
try {
  for (const c of cases) {
    const page = pageOf(c);
    console.log(`peers: ${c.name}`);
    if (problem) {
      for (const tool of ['memlab', 'fuite']) rows.push([tool, c.name, `not run: ${problem}`, '-', '-', '-', '-']);
    } else {
      const memlab = await runMemlab(page, talkMs, 15 * 60_000);
      rows.push(peerCells(memlab, c, page));
      console.log(`  memlab: ${rows.at(-1)!.slice(2).join(' | ')}`);
      const fuite = await runFuite(page, talkMs, fuiteIterations, 15 * 60_000);
      rows.push(peerCells(fuite, c, page));
      console.log(`  fuite: ${rows.at(-1)!.slice(2).join(' | ')}`);
    }
    const settings: Record<string, string> =
      c.fault === null
        ? { SOAK_TARGET_URL: `${site.url}leaky-replay/`, SOAK_START_SELECTOR: '#talk', SOAK_REDIRECT_WS: 'wss://api.openai.com/v1/realtime*' }
        : { SOAK_FAULTS: c.fault };
    try {
      const soak = await runBenchSoak({ SOAK_DURATION: soakDuration, ...settings }, 10 * 60_000);
      const failed = soak.report?.assertions.filter((a) => !a.passed) ?? [];
      const hits = failed.filter((a) => c.detects.includes(a.id));
      const errors = failed.filter((a) => a.level === 'error');
      const sites = soak.report?.heapSites?.sites.filter((s) => s.aboveFloor).map((s) => s.text) ?? [];
      const replyChunks = soak.records.filter((r) => r.type === 'rt' && r.kind === 'first-audio').length;
      const verdict = !soak.report ? 'no report' : c.fault === '' ? (errors.length ? 'false alarm' : 'no leak (correct)') : hits.length ? 'detected' : 'missed';
      const incomplete = failed.some((f) => f.id === 'run-complete') ? ' (run-complete failed: the script did not finish)' : '';
      const named =
        [...(c.fault === '' ? errors : hits).map((a) => `${a.level} ${a.id}`), ...sites.slice(0, 2).map((s) => `site ${s}`)].join(', ') || 'nothing';
      rows.push([
        'voice-soak',
        c.name,
        verdict + incomplete,
        named,
        replyChunks ? `yes (${replyChunks} replies)` : 'no replies',
        secs(soak.usage.wallMs),
        mb(soak.usage.peakRssBytes),
      ]);
    } catch (error) {
      rows.push(['voice-soak', c.name, `no result (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`, '-', '-', '-', '-']);
    }
    console.log(`  voice-soak: ${rows.at(-1)!.slice(2).join(' | ')}`);
  }
} finally {
  await site.close();
  await server.close();
}

const body = [
  `memlab ${PEER_VERSIONS.memlab} and fuite ${PEER_VERSIONS.fuite} with the system Chromium, each driving the page with a scenario that clicks start, lets it talk ${talkMs / 1000} s (the browser's fake microphone: a beep) and stops (memlab: one action/back; fuite: ${fuiteIterations} iterations); voice-soak: a ${soakDuration} soak through the user's path (the controllable mic speaks real utterances). "Talked": reply audio the page received while the tool drove it. Wall time and peak memory: the tool's whole process tree (browser included), from /proc.`,
  '',
  markdownTable(['tool', 'page', 'result', 'what it named', 'talked', 'wall time', 'peak memory'], rows),
].join('\n');
console.log(`\n${body}\n`);
writeResultsSection('peers', 'Peers side by side', body);
