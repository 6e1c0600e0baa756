/**
 * audio-backlog: finished chunks are never removed, so "chunks pending playback" only grows (audio still plays);
 * the clean app's queue drains to 0 after each reply. The monitor's cleanup hook drops the finished chunks.
 */
import { appState, expect, newMicPage, openAndStart, test } from './app-test.ts';
import type { AppState } from './app-test.ts';

type Hooks = { cleanupAudioChunks(): number; getState(): Record<string, unknown> };

test('audio-backlog keeps growing the playback queue; clean drains it; cleanupAudioChunks() recovers', async ({ micBrowser, micPage, server }) => {
  const cleanPage = micPage;
  const backlogPage = await newMicPage(micBrowser);
  await openAndStart(cleanPage, server);
  await openAndStart(backlogPage, server, 'faults=audio-backlog');

  const queueAfterFirstReply: number[] = [];
  for (const page of [backlogPage, cleanPage]) {
    await expect.poll(async () => (await appState(page)).responsesDone, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  }
  await backlogPage.waitForTimeout(1000); // let the first reply finish playing
  queueAfterFirstReply.push((await appState(backlogPage)).playbackQueueLength);

  for (const page of [backlogPage, cleanPage]) {
    await expect.poll(async () => (await appState(page)).responsesDone, { timeout: 12_000 }).toBeGreaterThanOrEqual(2);
  }
  await backlogPage.waitForTimeout(1000);
  const backlog: AppState = await appState(backlogPage);
  const clean: AppState = await appState(cleanPage);

  // Fault: every chunk ever scheduled is still queued, and the queue grew from turn 1 to turn 2.
  expect(backlog.scheduledChunks).toBe(backlog.receivedAudioChunks);
  expect(backlog.playbackQueueLength).toBe(backlog.scheduledChunks);
  expect(backlog.playbackQueueLength).toBeGreaterThan(queueAfterFirstReply[0] ?? Infinity);
  // Clean: the same conversation leaves nothing pending once playback ends.
  expect(clean.scheduledChunks).toBeGreaterThan(10);
  await expect.poll(async () => (await appState(cleanPage)).playbackQueueLength, { timeout: 5_000 }).toBe(0);

  // The monitor's safeguard hook drops the finished chunks for real.
  await expect.poll(async () => (await appState(backlogPage)).responsesDone >= 2 && (await appState(backlogPage)).playbackQueueLength > 0).toBe(true);
  const { dropped, after } = await backlogPage.evaluate(() => {
    const hooks = (globalThis as unknown as { voiceSoakAppHooks: Hooks }).voiceSoakAppHooks;
    const dropped = hooks.cleanupAudioChunks();
    return { dropped, after: hooks.getState().playbackQueueLength as number };
  });
  expect(dropped).toBeGreaterThanOrEqual(backlog.playbackQueueLength - 5);
  expect(after).toBeLessThanOrEqual(5);
});
