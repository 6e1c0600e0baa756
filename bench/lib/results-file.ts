/**
 * bench/results.md: every bench replaces its own named section there (between `<!-- section:NAME -->` and
 * `<!-- /section:NAME -->`), the file's head says the machine, the versions and the date of the latest write, and
 * the summary section lists the issue's aims with the figure a bench measured for each (recordAim), MET or MISSED.
 * BENCH_RESULTS_NOTE (environment) is written under each section's heading, e.g. "smoke run on a loaded machine,
 * not the final figures". BENCH_RESULTS_FILE moves the file (a scratch copy for a trial run).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../../harness/setup/find-chromium.ts';

const ROOT = join(import.meta.dirname, '..', '..');

export function resultsPath(): string {
  return process.env.BENCH_RESULTS_FILE || join(ROOT, 'bench', 'results.md');
}

/** True when the bench was started with --quick (npm run bench -- --quick passes it to every bench). */
export const isQuick = (argv: readonly string[] = process.argv): boolean => argv.includes('--quick');

export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (c: string) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [`| ${head.map(cell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

let chromiumVersionCache: string | undefined;
function chromiumVersion(): string {
  chromiumVersionCache ??= readChromiumVersion();
  return chromiumVersionCache;
}

function readChromiumVersion(): string {
  const path = findChromium();
  if (!path) return 'not found';
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return `${path} (version unknown)`;
  }
}

/** The file's head: machine, versions, date (of this write). */
export function machineBlock(): string {
  const cpu = cpus();
  const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return [
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpu.length} cores, ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB memory, load average at write ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    `- versions: node ${process.version}, Playwright ${packageVersion('@playwright/test')}, ${chromiumVersion()}, voice-soak ${own.version}`,
  ].join('\n');
}

const HEAD_START = '<!-- head -->';
const HEAD_END = '<!-- /head -->';
const SECTION_ORDER = [
  'summary',
  'detection-matrix',
  'peers',
  'concurrency',
  'sampler-cost',
  'heap-profile-cost',
  'output-tap-cost',
  'analyze-8h',
  'monitor-overhead',
];

function skeleton(): string {
  return [
    '# voice-soak benchmark results',
    '',
    'Written by `npm run bench` (each bench replaces its own section; `npm run bench -- --quick` runs the short variants).',
    '',
    HEAD_START,
    HEAD_END,
    '',
  ].join('\n');
}

function replaceBetween(text: string, start: string, end: string, body: string): string | null {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return null;
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

/** Replaces (or adds, in the usual order) section NAME with a heading and body; refreshes the file's head. */
export function writeResultsSection(name: string, heading: string, body: string): void {
  const path = resultsPath();
  let text = existsSync(path) ? readFileSync(path, 'utf8') : skeleton();
  if (!text.includes(HEAD_START)) text = `${skeleton()}\n${text}`;
  text = replaceBetween(text, HEAD_START, HEAD_END, machineBlock()) ?? text;
  const note = process.env.BENCH_RESULTS_NOTE?.trim();
  const mode = isQuick() ? 'quick mode (`--quick`)' : 'full mode';
  const content = [`## ${heading}`, '', `_${mode}, written ${new Date().toISOString()}${note ? `; ${note}` : ''}_`, '', body.trim()].join('\n');
  const start = `<!-- section:${name} -->`;
  const end = `<!-- /section:${name} -->`;
  const replaced = replaceBetween(text, start, end, content);
  if (replaced !== null) text = replaced;
  else {
    const block = `${start}\n${content}\n${end}\n`;
    const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(name) + 1)
      .map((n) => text.indexOf(`<!-- section:${n} -->`))
      .filter((i) => i >= 0);
    const at = later.length && SECTION_ORDER.includes(name) ? Math.min(...later) : text.length;
    text = `${text.slice(0, at).replace(/\n*$/, '\n\n')}${block}${at < text.length ? `\n${text.slice(at)}` : ''}`;
  }
  writeFileSync(path, text);
}

/** The issue's aims, in the order the summary lists them. */
export const AIMS = {
  'renderer-ms': 'at most 1 ms of renderer main-thread time per sample',
  'audio-ratio': "at most a 1% change in the app's audio processing time (sampler on vs off)",
  'analyze-8h': 'the 8-hour log analyzed in under 2 s and 300 MB',
  detection: 'every fault detected at its floor, no false alarm in the clean runs',
  overhead: 'at most 15 s of overhead per run',
} as const;
export type AimId = keyof typeof AIMS;

export interface AimResult {
  measured: string;
  met: boolean;
  source: string;
  at: string;
  quick: boolean;
}

const AIMS_MARK = /<!-- aims (\{.*\}) -->/;

/** Records one aim's measured figure and verdict, and rewrites the summary section from all recorded aims. */
export function recordAim(id: AimId, measured: string, met: boolean, source: string): void {
  const path = resultsPath();
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const match = AIMS_MARK.exec(text);
  const aims = (match ? JSON.parse(match[1]!) : {}) as Partial<Record<AimId, AimResult>>;
  aims[id] = { measured, met, source, at: new Date().toISOString(), quick: isQuick() };
  const rows = (Object.keys(AIMS) as AimId[]).map((aim) => {
    const r = aims[aim];
    return r
      ? [AIMS[aim], r.measured, r.met ? 'MET' : 'MISSED', `${r.source}${r.quick ? ' (--quick)' : ''}, ${r.at.slice(0, 16).replace('T', ' ')} UTC`]
      : [AIMS[aim], 'not measured yet', 'MISSED (no data)', '-'];
  });
  const body = [
    markdownTable(['aim', 'measured', 'verdict', 'from'], rows),
    '',
    'An aim with no figure counts as missed: missing data is never a pass.',
    `<!-- aims ${JSON.stringify(aims)} -->`,
  ].join('\n');
  writeResultsSection('summary', 'Summary: the aims of issue 16', body);
}
