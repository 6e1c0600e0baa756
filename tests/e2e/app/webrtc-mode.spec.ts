/**
 * The reference app's WebRTC mode (?transport=webrtc): the fake mic's utterances go out as the call's Opus track,
 * the server VAD finds them, replies come back as an RTP track (no audio deltas, nothing for the scheduler) with
 * their transcripts on the oai-events data channel; no WebSocket is opened; Stop hangs up and Start calls again.
 */
import { appState, expect, openAndStart, test } from './app-test.ts';

// The fake mic's file starts at getUserMedia, before the call is up: the pure-JS DTLS handshake stalls the server for
// 0.2-1.5 s idle and several seconds on CI's loaded cores (a fresh-clone CI heard only the second utterance with the
// default 0.5 s lead), so the first utterance waits 4 s for the call.
test.use({ micParts: [4000, 'u01', 4000, 'u02', 4000] });

test('two spoken turns over a WebRTC call: replies and transcripts arrive on the data channel, no WebSocket, Stop and Start call again', async ({
  micPage,
  server,
}) => {
  test.setTimeout(60_000);
  const sockets: string[] = [];
  micPage.on('websocket', (ws) => sockets.push(ws.url()));
  await openAndStart(micPage, server, 'transport=webrtc');
  await expect.poll(async () => (await appState(micPage)).responsesDone, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  const state = await appState(micPage);
  expect(state.transport).toBe('webrtc');
  expect(state.connected).toBe(true);
  expect(state.turns).toBeGreaterThanOrEqual(2);
  expect(state.receivedAudioChunks).toBe(0); // reply audio is the call's track, not delta events
  expect(state.lastError).toBeNull();
  expect(state.transcript.filter((l) => l.startsWith('assistant: ')).length).toBeGreaterThanOrEqual(2);
  expect(sockets).toEqual([]);

  await micPage.click('#stop');
  await expect(micPage.locator('#status')).toHaveAttribute('data-state', 'idle');
  await micPage.click('#start');
  await expect(micPage.locator('#status')).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
  expect((await appState(micPage)).connected).toBe(true);
});
