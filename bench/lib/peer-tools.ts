/**
 * memlab and fuite for the peers benchmark: installed into a scratch prefix (not devDependencies: memlab 2.0.5 needs
 * `sleep`, a node-gyp native build (without it memlab hangs at start), and both pull puppeteer, whose postinstall would
 * download a browser; see bench/README-peers.md), run with the system Chromium (PUPPETEER_EXECUTABLE_PATH, memlab's --chromium-binary;
 * PUPPETEER_SKIP_DOWNLOAD so nothing downloads one), each against one page with a scenario file that gives it its
 * best chance at a voice page: click the start button, let the page talk for a while (the browser's fake microphone),
 * stop, repeat as the tool does. Every run is measured from /proc (wall time, peak RSS of the tool's process tree).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../../harness/setup/find-chromium.ts';
import { sampleProcessTree, type TreeUsage } from './process-tree.ts';

export const PEER_VERSIONS = { memlab: '2.0.5', fuite: '5.0.9' } as const;

export function peersDir(): string {
  return process.env.BENCH_PEERS_DIR || join(tmpdir(), 'voice-soak-bench-peers');
}

const bin = (tool: string) => join(peersDir(), 'node_modules', '.bin', tool);
/** memlab's `sleep` dependency, built by node-gyp at install: memlab hangs at start without it. */
const sleepBinding = () => join(peersDir(), 'node_modules', 'sleep', 'build', 'Release', 'node_sleep.node');
const installed = () => existsSync(bin('memlab')) && existsSync(bin('fuite')) && existsSync(sleepBinding());

/** Installs memlab and fuite into peersDir() unless they are there; returns a one-line problem or null. */
export function ensurePeerTools(): string | null {
  if (installed()) return null;
  mkdirSync(peersDir(), { recursive: true });
  console.log(`peers: installing memlab@${PEER_VERSIONS.memlab} fuite@${PEER_VERSIONS.fuite} into ${peersDir()} (once) ...`);
  const result = spawnSync(
    'npm',
    ['install', '--prefix', peersDir(), '--no-audit', '--no-fund', `memlab@${PEER_VERSIONS.memlab}`, `fuite@${PEER_VERSIONS.fuite}`],
    { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' }, timeout: 600_000 },
  );
  if (result.status !== 0)
    return `npm install of memlab/fuite into ${peersDir()} failed (exit ${result.status}): ${(result.stderr ?? '').trim().split('\n').pop()}`;
  if (installed()) return null;
  return existsSync(sleepBinding())
    ? `npm install left no memlab/fuite binaries under ${peersDir()}`
    : `memlab's native dependency "sleep" was not built under ${peersDir()} (node-gyp needs python3, make and a C++ compiler)`;
}

export interface PeerPage {
  name: string;
  url: string;
  startSelector: string;
  /** null: the page has no stop control (the tool's "back" step then only waits). */
  stopSelector: string | null;
  /** A page expression counting reply audio chunks received: did the page hold a conversation? */
  replyProbe: string;
  /** What replyProbe counts, for the table. */
  replyUnit: string;
  /** A page expression saying the page's state in a few words (its status, turns), for the table. */
  stateProbe: string;
}

export interface PeerRun {
  tool: 'memlab' | 'fuite';
  detected: boolean | null;
  named: string;
  /** Reply audio chunks the page received during the tool's run (null: the probe never ran). */
  replyChunks: number | null;
  /** The page's state at the probe with the most replies. */
  pageState: string;
  usage: TreeUsage;
  error: string | null;
}

function probeWriter(probeFile: string, page: PeerPage): string {
  const file = JSON.stringify(probeFile);
  return `async function probe(page) {
  const seen = await page
    .evaluate(() => {
      let replies = 0;
      let state = '';
      try { replies = Number(${page.replyProbe}) || 0; } catch (e) { state = 'probe failed: ' + e; }
      try { state = state || String(${page.stateProbe}); } catch (e) { state = 'probe failed: ' + e; }
      return { replies, state };
    })
    .catch((e) => ({ replies: 0, state: 'evaluate failed: ' + e }));
  const fs = await import('node:fs');
  const prev = fs.existsSync(${file}) ? JSON.parse(fs.readFileSync(${file}, 'utf8')) : null;
  if (!prev || seen.replies >= prev.replies) fs.writeFileSync(${file}, JSON.stringify(seen));
}`;
}

/** memlab scenario: action = start and talk for talkMs, back = stop (memlab compares baseline, target and final snapshots). */
export function memlabScenario(page: PeerPage, talkMs: number, probeFile: string): string {
  return `// memlab scenario written by bench/peers.ts: start the conversation, let it talk, stop.
${probeWriter(probeFile, page)}
module.exports = {
  url: () => ${JSON.stringify(page.url)},
  action: async (page) => {
    await page.click(${JSON.stringify(page.startSelector)});
    await new Promise((r) => setTimeout(r, ${talkMs}));
    await probe(page);
  },
  back: async (page) => {
    ${page.stopSelector ? `await page.click(${JSON.stringify(page.stopSelector)});` : '// the page has no stop control'}
    await new Promise((r) => setTimeout(r, 1000));
  },
};
`;
}

/** fuite scenario: each iteration starts, talks for talkMs and stops; fuite looks for what grew once per iteration. */
export function fuiteScenario(page: PeerPage, talkMs: number, probeFile: string): string {
  return `// fuite scenario written by bench/peers.ts: each iteration starts the conversation, lets it talk, stops.
${probeWriter(probeFile, page)}
export async function iteration(page) {
  await page.click(${JSON.stringify(page.startSelector)});
  await new Promise((r) => setTimeout(r, ${talkMs}));
  await probe(page);
  ${page.stopSelector ? `await page.click(${JSON.stringify(page.stopSelector)});` : '// the page has no stop control'}
  await new Promise((r) => setTimeout(r, 1000));
}
`;
}

async function runMeasured(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ code: number; output: string; usage: TreeUsage }> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = sampleProcessTree(child.pid!);
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number>((done) => {
    child.on('error', () => done(127));
    child.on('close', (c, signal) => done(c ?? (signal ? 128 : 1)));
  });
  clearTimeout(timer);
  return { code, output, usage: sampler.stop() };
}

function toolEnv(): NodeJS.ProcessEnv {
  const chromium = findChromium();
  return { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', ...(chromium ? { PUPPETEER_EXECUTABLE_PATH: chromium } : {}), FORCE_COLOR: '0', NO_COLOR: '1' };
}

function readProbe(file: string): { replyChunks: number | null; pageState: string } {
  if (!existsSync(file)) return { replyChunks: null, pageState: 'the scenario never reached its probe' };
  const seen = JSON.parse(readFileSync(file, 'utf8')) as { replies: number; state: string };
  return { replyChunks: seen.replies, pageState: seen.state.slice(0, 120) };
}

export async function runMemlab(page: PeerPage, talkMs: number, timeoutMs: number): Promise<PeerRun> {
  const dir = mkdtempSync(join(tmpdir(), 'voice-soak-bench-memlab-'));
  const probeFile = join(dir, 'probe.txt');
  writeFileSync(join(dir, 'scenario.cjs'), memlabScenario(page, talkMs, probeFile));
  const chromium = findChromium();
  const args = ['run', '--scenario', join(dir, 'scenario.cjs'), '--work-dir', join(dir, 'work'), '--skip-screenshot', '--disable-xvfb'];
  if (chromium) args.push('--chromium-binary', chromium);
  const { code, output, usage } = await runMeasured(bin('memlab'), args, toolEnv(), timeoutMs);
  const probe = readProbe(probeFile);
  rmSync(dir, { recursive: true, force: true });
  const found = /MemLab found (\d+) leak/i.exec(output);
  const none = /No leaks? found/i.test(output);
  // memlab prints each leak cluster as a retainer trace: "--Similar leaks in this run: N--" then "--Retained size...",
  // then lines "[window](...) --prop-->  [Name](object)". The names of the leaked objects are the trace's last nodes.
  const names = [...output.matchAll(/^\s*\[([^\]]+)\]\s*\((?:object|closure|array|native|hidden|string)[^)]*\)/gm)].map((m) => m[1]!);
  const named = found
    ? `${found[1]} leak cluster(s)${names.length ? `: ${[...new Set(names.filter((n) => n !== 'Window' && n !== 'window'))].slice(-4).join(', ')}` : ''}`
    : none
      ? 'no leaks'
      : '-';
  const error = found || none ? null : `exit ${code}: ${output.trim().split('\n').slice(-3).join(' / ').slice(0, 300)}`;
  return { tool: 'memlab', detected: found ? Number(found[1]) > 0 : none ? false : null, named, ...probe, usage, error };
}

interface FuiteLeak {
  leaks?: {
    detected?: boolean;
    objects?: { name?: string; retainedSizeDeltaPerIteration?: number; countDeltaPerIteration?: number }[];
    eventListeners?: { type?: string; deltaPerIteration?: number }[];
    domNodes?: { deltaPerIteration?: number };
    collections?: { type?: string; deltaPerIteration?: number }[];
  };
}

export async function runFuite(page: PeerPage, talkMs: number, iterations: number, timeoutMs: number): Promise<PeerRun> {
  const dir = mkdtempSync(join(tmpdir(), 'voice-soak-bench-fuite-'));
  const probeFile = join(dir, 'probe.txt');
  writeFileSync(join(dir, 'scenario.mjs'), fuiteScenario(page, talkMs, probeFile));
  const out = join(dir, 'out.json');
  const args = [
    page.url,
    '--scenario',
    join(dir, 'scenario.mjs'),
    '--iterations',
    String(iterations),
    '--output',
    out,
    ...['--no-sandbox', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required'].flatMap((a) => [
      '--browser-arg',
      a,
    ]),
  ];
  const { code, output, usage } = await runMeasured(bin('fuite'), args, toolEnv(), timeoutMs);
  const probe = readProbe(probeFile);
  const text = existsSync(out) ? readFileSync(out, 'utf8') : null;
  rmSync(dir, { recursive: true, force: true });
  if (text === null) {
    return {
      tool: 'fuite',
      detected: null,
      named: '-',
      ...probe,
      usage,
      error: `exit ${code}: ${output.trim().split('\n').slice(-3).join(' / ').slice(0, 300)}`,
    };
  }
  const results = JSON.parse(text) as { result?: FuiteLeak }[];
  const leaks = results.map((r) => r.result?.leaks ?? {});
  const detected = leaks.some((l) => l.detected);
  const named = leaks
    .flatMap((l) => [
      ...(l.objects ?? []).map((o) => `${o.name} +${o.countDeltaPerIteration ?? '?'}/iter`),
      ...(l.eventListeners ?? []).map((e) => `${e.type} listener +${e.deltaPerIteration ?? '?'}/iter`),
      ...(l.domNodes?.deltaPerIteration ? [`DOM nodes +${l.domNodes.deltaPerIteration}/iter`] : []),
      ...(l.collections ?? []).map((c) => `${c.type} +${c.deltaPerIteration ?? '?'}/iter`),
    ])
    .slice(0, 4)
    .join(', ');
  return { tool: 'fuite', detected, named: named || (detected ? 'leak (unnamed)' : 'no leaks'), ...probe, usage, error: null };
}
