/** Finding the page's renderer by the CPU its page burns, and reading its RSS from /proc text. */
import { expect, test } from '@playwright/test';
import { pickRendererPid } from '../../../harness/collect/pick-renderer-pid.ts';
import { parseStatCpuTicks, parseVmRssBytes, readProcessRssBytes } from '../../../harness/collect/read-process-rss.ts';
import { createRendererMemoryReader } from '../../../harness/collect/renderer-memory.ts';

const renderer = (id: number, cpuTime: number) => ({ type: 'renderer', id, cpuTime });

test('the renderer whose CPU time moved by about the burn, far more than any other, is the page', () => {
  const before = [{ type: 'browser', id: 1, cpuTime: 5 }, renderer(10, 1), renderer(11, 2), renderer(12, 0.5)];
  expect(pickRendererPid(before, [{ type: 'browser', id: 1, cpuTime: 9 }, renderer(10, 1.01), renderer(11, 2.16), renderer(12, 0.52)], 0.15)).toEqual({
    pid: 11,
  });
});

test('a renderer that is busy anyway is measured against its own idle window, so the burning page still wins', () => {
  const idle = { before: [renderer(10, 1), renderer(11, 2)], after: [renderer(10, 1.1), renderer(11, 2.005)] };
  const before = [renderer(10, 1.1), renderer(11, 2.005)];
  const after = [renderer(10, 1.2), renderer(11, 2.185)]; // 10: 100 ms as always; 11: the 180 ms burn
  expect(pickRendererPid(before, after, 0.2)).toEqual({ reason: expect.stringMatching(/^two renderers moved together/) });
  expect(pickRendererPid(before, after, 0.2, idle)).toEqual({ pid: 11 });
});

test('no clear winner is a reason, not a guess', () => {
  const before = [renderer(10, 1), renderer(11, 2)];
  expect(pickRendererPid(before, [renderer(10, 1.02), renderer(11, 2.02)], 0.15)).toEqual({
    reason: expect.stringMatching(/no renderer's CPU time moved with the page \(most: 20 ms of a 150 ms burn\)/),
  });
  expect(pickRendererPid(before, [renderer(10, 1.12), renderer(11, 2.14)], 0.15)).toEqual({ reason: expect.stringMatching(/^two renderers moved together/) });
  expect(pickRendererPid([], [{ type: 'gpu', id: 3, cpuTime: 1 }], 0.15)).toEqual({ reason: 'SystemInfo.getProcessInfo listed no renderer process' });
});

test('VmRSS and CPU ticks are read from /proc text; this process has an RSS', async () => {
  expect(parseVmRssBytes('Name:\tchromium\nVmPeak:\t  900 kB\nVmRSS:\t  215040 kB\nRssAnon:\t 1 kB\n')).toBe(215040 * 1024);
  expect(parseVmRssBytes('Name:\tzombie\n')).toBeUndefined();
  // The command name may hold spaces and parentheses: fields are counted after the last ')'.
  expect(parseStatCpuTicks('4242 (Web Content (x)) S 1 2 3 4 5 6 7 8 9 10 150 25 0 0 20 0')).toBe(175);
  if (process.platform === 'linux') expect(await readProcessRssBytes(process.pid)).toBeGreaterThan(10 * 1024 * 1024);
  expect(await readProcessRssBytes(-1)).toBeUndefined();
});

test('the reader burns page CPU, picks the pid, reads its RSS, and looks again once the process is gone', async () => {
  const cpu = new Map([
    [10, 1],
    [11, 2],
  ]);
  const pageCalls: string[] = [];
  const pageSession = {
    async send(method: string) {
      pageCalls.push(method);
      cpu.set(11, cpu.get(11)! + 0.2); // the page's renderer does the burning
      return {};
    },
  };
  const browserSession = { send: async () => ({ processInfo: [...cpu].map(([id, cpuTime]) => renderer(id, cpuTime)) }) };
  const notes: string[] = [];
  let rss: number | undefined = 150e6;
  const reader = createRendererMemoryReader({
    pageSession,
    browserSession,
    note: (d) => notes.push(d),
    readRss: async () => rss,
    readCpu: async (pid) => cpu.get(pid),
  });
  if (process.platform !== 'linux') return;
  expect(await reader.identify()).toBe(11);
  expect(notes).toEqual(['renderer pid 11 (its CPU time moved with the page)']);
  expect(await reader.read()).toEqual({ pid: 11, rssBytes: 150e6 });
  rss = undefined;
  expect(await reader.read()).toBeUndefined();
  expect(await reader.read()).toBeUndefined(); // not looked up again at once (each lookup blocks the page)
  expect(pageCalls).toEqual(['Runtime.evaluate']);
});

test('a remote browser (connectOptions) gets no renderer RSS: its pids belong to another machine, so nothing is read and the note says why', async () => {
  const calls: string[] = [];
  const session = {
    async send(method: string) {
      calls.push(method);
      return { processInfo: [renderer(10, 1)] };
    },
  };
  const notes: string[] = [];
  const reads: number[] = [];
  const reader = createRendererMemoryReader({
    pageSession: session,
    browserSession: session,
    note: (detail) => notes.push(detail),
    remoteBrowser: true,
    readRss: async (pid) => {
      reads.push(pid);
      return 1;
    },
    readCpu: async (pid) => {
      reads.push(pid);
      return 1;
    },
  });
  expect(await reader.identify()).toMatch(/^the browser is a Playwright server's \(connectOptions\)/);
  expect(notes).toEqual([expect.stringMatching(/^renderer RSS not sampled: the browser is a Playwright server's/)]);
  expect(await reader.read()).toBeUndefined();
  expect({ calls, reads }).toEqual({ calls: [], reads: [] });
});
