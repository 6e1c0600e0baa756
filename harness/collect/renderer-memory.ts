/**
 * The page's renderer process and its resident memory. identify() finds the pid (pick-renderer-pid.ts: the page
 * burns BURN_MS of CPU, longer on each of 3 tries, and the renderer whose CPU time moved is the page's; the
 * renderers are SystemInfo.getProcessInfo's, their CPU time read from /proc where it can be), read() returns its
 * VmRSS. Call identify() again after a navigation that may change the process (a reload); a pid that vanished is
 * looked up again on a later read, at most every REIDENTIFY_AFTER_MS. Every CDP call has a timeout.
 */
import type { CdpSessionLike } from './browser-calls/cdp-session-like.ts';
import { pickRendererPid } from './pick-renderer-pid.ts';
import type { CdpProcessInfo, RendererMemory } from './read-cdp-sample.ts';
import { readProcessCpuSeconds, readProcessRssBytes } from './read-process-rss.ts';
import { withTimeout } from './browser-calls/with-timeout.ts';

export interface RendererMemoryReader {
  /** Finds the page's renderer pid; resolves with it, or with why not (also written through note). */
  identify(): Promise<number | string>;
  read(): Promise<RendererMemory | undefined>;
}

// Each try holds the sampler's lock (burn + two process reads), so the longest one must leave a 1 s cadence within
// its 1.5 s gap budget.
const BURN_MS = [150, 250, 400];
const REIDENTIFY_AFTER_MS = 10_000;

export function createRendererMemoryReader(options: {
  pageSession: CdpSessionLike;
  browserSession: CdpSessionLike | undefined;
  note: (detail: string) => void;
  timeoutMs?: number;
  readRss?: (pid: number) => Promise<number | undefined>;
  readCpu?: (pid: number) => Promise<number | undefined>;
  /** The browser's processes are another machine's (connectOptions): no /proc reads, identify() says why. */
  remoteBrowser?: boolean;
  /** Runs one try with the sampler paused (its lock), so a burn never lands inside a sample; default: no lock. */
  exclusive?: <T>(fn: () => Promise<T>) => Promise<T>;
}): RendererMemoryReader {
  const exclusive = options.exclusive ?? (<T>(fn: () => Promise<T>) => fn());
  const timeoutMs = options.timeoutMs ?? 800;
  const readRss = options.readRss ?? readProcessRssBytes;
  let pid: number | null = null;
  let identifying: Promise<number | string> | null = null;
  let lastTryMs = -Infinity;
  /** The known pid went away: look it up again (a failed lookup is not retried on its own, it burns page CPU). */
  let vanished = false;

  const readCpu = options.readCpu ?? readProcessCpuSeconds;
  /** The renderers with their CPU time, from /proc when readable (exact), else as CDP reports it. */
  const processes = async (): Promise<CdpProcessInfo[]> => {
    const answer = (await withTimeout(options.browserSession!.send('SystemInfo.getProcessInfo'), timeoutMs, 'SystemInfo.getProcessInfo')) as {
      processInfo: CdpProcessInfo[];
    };
    const renderers = answer.processInfo.filter((p) => p.type === 'renderer');
    return Promise.all(renderers.map(async (p) => ({ ...p, cpuTime: (await readCpu(p.id)) ?? p.cpuTime })));
  };

  async function identifyOnce(): Promise<number | string> {
    if (!options.browserSession) return 'no browser CDP session (SystemInfo.getProcessInfo needs one)';
    if (options.remoteBrowser) return "the browser is a Playwright server's (connectOptions): its processes may be another machine's, not this one's /proc";
    if (process.platform !== 'linux') return `renderer RSS is read from /proc, not available on ${process.platform}`;
    let reason = 'not tried';
    for (const burnMs of BURN_MS) {
      try {
        // The same length idle first (the sampler may run meanwhile): what each renderer uses anyway.
        const idleBefore = await processes();
        await new Promise((resolve) => setTimeout(resolve, burnMs));
        const idle = { before: idleBefore, after: await processes() };
        const pick = await exclusive(async () => {
          const before = await processes();
          const expression = `(() => { const t = performance.now(); while (performance.now() - t < ${burnMs}) {} return 1; })()`;
          await withTimeout(
            options.pageSession.send('Runtime.evaluate', { expression, returnByValue: true }),
            timeoutMs + burnMs,
            'Runtime.evaluate (CPU burn)',
          );
          return pickRendererPid(before, await processes(), burnMs / 1000, idle);
        });
        if ('pid' in pick) return pick.pid;
        reason = pick.reason;
      } catch (error) {
        reason = (error as Error).message;
      }
    }
    return reason;
  }

  const identify = (): Promise<number | string> => {
    lastTryMs = performance.now();
    identifying ??= identifyOnce()
      .then((found) => {
        pid = typeof found === 'number' ? found : null;
        options.note(typeof found === 'number' ? `renderer pid ${found} (its CPU time moved with the page)` : `renderer RSS not sampled: ${found}`);
        return found;
      })
      .finally(() => (identifying = null));
    return identifying;
  };

  return {
    identify,
    async read() {
      if (pid === null) {
        if (vanished && !identifying && performance.now() - lastTryMs > REIDENTIFY_AFTER_MS) {
          vanished = false;
          void identify();
        }
        return undefined;
      }
      const current = pid;
      const rssBytes = await readRss(current);
      if (rssBytes === undefined) {
        pid = null; // the process is gone (a new renderer after navigation): look it up again later
        vanished = true;
        return undefined;
      }
      return { pid: current, rssBytes };
    },
  };
}
