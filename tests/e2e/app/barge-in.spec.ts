/**
 * Barge-in: the user speaks while a long reply is playing. The app must stop playback at once, cancel the active
 * response and truncate the assistant item to the audio actually heard.
 */
import { appState, expect, openAndStart, test } from './app-test.ts';

test.use({
  // u01, then u06 ("Wait, stop, ...") 1.5 s later: the first reply (>= 3 s at replyScale 2) is still playing.
  micParts: [500, 'u01', 1500, 'u06', 6000],
  serverOptions: { replyScale: 2 },
});

test('speech during a reply stops playback, cancels the response and truncates the item', async ({ micPage, server, sentEvents }) => {
  await openAndStart(micPage, server);
  await expect.poll(async () => (await appState(micPage)).interruptions, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  const atInterruption = await appState(micPage);
  expect(atInterruption.playbackQueueLength, 'all scheduled reply audio stopped and dropped').toBe(0);
  expect(atInterruption.receivedAudioChunks).toBeGreaterThan(0);
  expect(atInterruption.responsesCancelled).toBe(1);

  const firstAudio = sentEvents.received.find((e) => e.type === 'response.output_audio.delta');
  expect(firstAudio, 'reply audio arrived before the barge-in').toBeTruthy();
  const cancel = sentEvents.events.find((e) => e.type === 'response.cancel');
  expect(cancel?.response_id).toBe(firstAudio?.response_id);

  const truncate = sentEvents.events.find((e) => e.type === 'conversation.item.truncate');
  expect(truncate, 'conversation.item.truncate sent').toBeTruthy();
  expect(truncate?.item_id).toBe(firstAudio?.item_id);
  expect(truncate?.content_index).toBe(0);
  // Heard audio: more than nothing, less than the time since the first audio chunk arrived.
  const sinceFirstAudioMs = Date.now() - (firstAudio?.tMs ?? 0);
  expect(truncate?.audio_end_ms).toBeGreaterThan(100);
  expect(truncate?.audio_end_ms).toBeLessThan(sinceFirstAudioMs);

  // The server confirms the cancellation; no later audio of that response is scheduled.
  await expect.poll(() => sentEvents.received.some((e) => e.type === 'response.done' && e.status === 'cancelled'), { timeout: 5_000 }).toBe(true);
  await expect
    .poll(() => sentEvents.received.some((e) => e.type === 'conversation.item.truncated' && e.item_id === truncate?.item_id), {
      message: 'the server truncated the cancelled item (the real API accepts truncate right after response.cancel)',
      timeout: 5_000,
    })
    .toBe(true);

  // The second utterance still gets its own reply.
  await expect.poll(async () => (await appState(micPage)).responsesDone, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  expect((await appState(micPage)).lastError).toBeNull();
});
