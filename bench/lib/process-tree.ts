/**
 * CPU time and memory of a process and all its descendants, sampled from /proc (Linux): every `everyMs` the tree
 * under `rootPid` is walked (ppid links in /proc/<pid>/stat); each process's utime+stime is kept at its last seen
 * value (so a process that exited still counts what it used), the tree's RSS is summed and its peak kept.
 * Processes are grouped by command name: `node` (the runner, its workers and the embedded server inside them)
 * against the browser's (`chromium`, `chrome`, ...).
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const PAGE_BYTES = 4096;

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  cpuTicks: number;
  rssBytes: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    // fields[0] is state (field 3); utime is field 14, stime 15, rss 24.
    return { pid, ppid: Number(fields[1]), comm, cpuTicks: Number(fields[11]) + Number(fields[12]), rssBytes: Number(fields[21]) * PAGE_BYTES };
  } catch {
    return null;
  }
}

function allStats(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) out.push(stat);
  }
  return out;
}

export interface TreeUsage {
  /** CPU seconds by group ('harness' = node processes, 'browser' = the rest). */
  cpuSeconds: { harness: number; browser: number };
  peakRssBytes: number;
  wallMs: number;
}

export interface TreeSampler {
  stop(): TreeUsage;
}

const isHarness = (comm: string) => comm === 'node' || comm.startsWith('node ') || comm === 'MainThread';

export function sampleProcessTree(rootPid: number, everyMs = 250): TreeSampler {
  const lastTicks = new Map<number, { ticks: number; harness: boolean }>();
  let peakRssBytes = 0;
  const startedMs = performance.now();
  const tick = () => {
    const stats = allStats();
    const children = new Map<number, ProcStat[]>();
    for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
    const root = stats.find((s) => s.pid === rootPid);
    if (!root) return;
    let rss = 0;
    const queue = [root];
    while (queue.length) {
      const s = queue.pop()!;
      rss += s.rssBytes;
      lastTicks.set(s.pid, { ticks: s.cpuTicks, harness: isHarness(s.comm) });
      queue.push(...(children.get(s.pid) ?? []));
    }
    peakRssBytes = Math.max(peakRssBytes, rss);
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop() {
      clearInterval(timer);
      tick();
      const cpuSeconds = { harness: 0, browser: 0 };
      for (const { ticks, harness } of lastTicks.values()) cpuSeconds[harness ? 'harness' : 'browser'] += ticks / TICKS_PER_SECOND;
      return { cpuSeconds, peakRssBytes, wallMs: performance.now() - startedMs };
    },
  };
}
