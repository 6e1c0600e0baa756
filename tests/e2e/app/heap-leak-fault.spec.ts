/**
 * heap-leak:MB_PER_MIN retains decoded audio and detached transcript nodes: the heap after a forced GC grows about
 * MB_PER_MIN per minute, while the clean app, in the same conversation at the same time, stays flat.
 */
import type { Page } from '@playwright/test';
import { appState, expect, newMicPage, openAndStart, test } from './app-test.ts';

const LEAK_MB_PER_MIN = 60; // 1 MB/s: clearly above noise in a ~10 s test
const MB = 1024 * 1024;

/** JS heap after a forced GC (usedSize) plus ArrayBuffer backing stores, in bytes. */
async function heapAfterGcSampler(page: Page): Promise<() => Promise<{ usedBytes: number; backingBytes: number }>> {
  const cdp = await page.context().newCDPSession(page);
  return async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    return { usedBytes: usage.usedSize, backingBytes: usage.backingStorageSize ?? 0 };
  };
}

test('heap-leak grows the post-GC heap at about its rate; the clean app stays flat', async ({ micBrowser, micPage, server }) => {
  const cleanPage = micPage;
  const leakyPage = await newMicPage(micBrowser);
  await openAndStart(cleanPage, server);
  await openAndStart(leakyPage, server, `faults=heap-leak:${LEAK_MB_PER_MIN}`);
  const sampleClean = await heapAfterGcSampler(cleanPage);
  const sampleLeaky = await heapAfterGcSampler(leakyPage);

  await leakyPage.waitForTimeout(1500); // warm-up: first replies, JIT, worklet
  const cleanStart = await sampleClean();
  const leakyStart = await sampleLeaky();
  const startMs = Date.now();
  await leakyPage.waitForTimeout(8000);
  const cleanEnd = await sampleClean();
  const leakyEnd = await sampleLeaky();
  const minutes = (Date.now() - startMs) / 60_000;

  const leakyRateMbPerMin = (leakyEnd.usedBytes - leakyStart.usedBytes) / MB / minutes;
  const cleanRateMbPerMin = (cleanEnd.usedBytes - cleanStart.usedBytes) / MB / minutes;
  test
    .info()
    .annotations.push({ type: 'heap growth', description: `leaky ${leakyRateMbPerMin.toFixed(1)} MB/min, clean ${cleanRateMbPerMin.toFixed(1)} MB/min` });

  expect(leakyRateMbPerMin).toBeGreaterThan(LEAK_MB_PER_MIN * 0.75);
  expect(leakyRateMbPerMin).toBeLessThan(LEAK_MB_PER_MIN * 1.5);
  expect(Math.abs(cleanRateMbPerMin)).toBeLessThan(LEAK_MB_PER_MIN * 0.1);
  // The retained Float32Arrays show as backing stores, outside usedSize.
  expect(leakyEnd.backingBytes - leakyStart.backingBytes).toBeGreaterThan(2 * MB);

  const leaky = await appState(leakyPage);
  const clean = await appState(cleanPage);
  expect(leaky.heapLeakRetainedBytes).toBeGreaterThan(5 * MB);
  expect(clean.heapLeakRetainedBytes).toBe(0);
  // Both held the same conversation: the leak is the only difference.
  expect(clean.receivedAudioChunks).toBeGreaterThan(0);
  expect(leaky.receivedAudioChunks).toBeGreaterThan(0);
});
