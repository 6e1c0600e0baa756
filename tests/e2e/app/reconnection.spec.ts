/**
 * Reconnection keeps the conversation: after the server drops the socket (drop-connection fault) the app reconnects
 * with backoff, re-sends session.update and replays the recent turns as conversation.item.create text items; a
 * planned window.voiceApp.reconnect() does the same at once.
 */
import { appState, expect, openAndStart, test } from './app-test.ts';
import type { SentEvent, SocketLog } from './app-test.ts';

// Speech before and after the drop: the fault destroys every socket 8 s after it connects, so the third utterance is
// heard on the second socket (and a slow machine may see a second drop, which the test allows).
test.use({ micParts: [500, 'u01', 3000, 'u04', 3000, 'u01', 3000, 'u04', 3000] });

function replayedItems(socket: SocketLog | undefined): SentEvent[] {
  return (socket?.sent ?? []).filter((e) => e.type === 'conversation.item.create');
}

function itemText(event: SentEvent): string {
  const item = event.item as { role: string; content: { type: string; text: string }[] };
  return `${item.role}: ${item.content[0]?.text}`;
}

/** Keeps, for each WebSocket the page opens, the transcript the app showed at that moment (exact, in the page). */
function recordTranscriptAtEachSocket(): void {
  const w = window as unknown as { __transcriptAtSocket: string[][]; voiceApp?: { state(): { transcript: string[] } } };
  w.__transcriptAtSocket = [];
  const Native = window.WebSocket;
  window.WebSocket = new Proxy(Native, {
    construct(target, args: [string | URL, (string | string[])?]) {
      w.__transcriptAtSocket.push([...(w.voiceApp?.state().transcript ?? [])]);
      return new target(...args);
    },
  });
}

test('a dropped connection is re-established and the conversation so far is replayed', async ({ micPage, server, sentEvents }) => {
  await micPage.addInitScript(recordTranscriptAtEachSocket);
  await openAndStart(micPage, server, 'faults=drop-connection:8');
  expect(sentEvents.sockets[0]?.url).toContain('voice_soak_faults=drop-connection%3A8');

  // The server drops the first socket; the app opens a second one and replays what was said.
  await expect.poll(() => replayedItems(sentEvents.sockets[1]).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  const second = sentEvents.sockets[1];
  expect(sentEvents.sockets[0]?.closed).toBe(true);
  expect(second?.sent[0]?.type, 'session.update first on the new socket').toBe('session.update');
  const state = await appState(micPage);
  expect(state.reconnects).toBeGreaterThanOrEqual(1);
  expect(state.lastError).toMatch(/connection closed \(code 1006/);

  // What was shown when the new socket opened is what the new session is given.
  const shownAtReconnect = await micPage.evaluate(() => (window as unknown as { __transcriptAtSocket: string[][] }).__transcriptAtSocket[1]);
  const replayed = replayedItems(second).map(itemText);
  expect(shownAtReconnect?.length, 'transcript lines shown before the drop').toBeGreaterThanOrEqual(2);
  expect(replayed).toEqual(shownAtReconnect?.slice(-replayed.length));
  expect(state.contextItemsReplayed).toBeGreaterThanOrEqual(replayed.length);
  await expect
    .poll(() => second?.received.filter((e) => e.type === 'conversation.item.created' || e.type === 'conversation.item.added').length ?? 0)
    .toBeGreaterThanOrEqual(replayed.length);

  // The conversation goes on over the new connection.
  await expect.poll(() => second?.received.some((e) => e.type === 'response.done') ?? false, { timeout: 15_000 }).toBe(true);
});

test('a planned reconnect() closes cleanly, opens a fresh session and replays the context', async ({ micPage, server, sentEvents }) => {
  await openAndStart(micPage, server);
  await expect.poll(async () => (await appState(micPage)).responsesDone, { timeout: 8_000 }).toBeGreaterThanOrEqual(1);
  const before = await appState(micPage);
  await micPage.evaluate(() => (window as unknown as { voiceApp: { reconnect(): void } }).voiceApp.reconnect());
  await expect(micPage.locator('#status')).toHaveAttribute('data-state', 'live');
  await expect.poll(() => sentEvents.sockets[0]?.closed).toBe(true);

  const state = await appState(micPage);
  expect(state.reconnects).toBe(1);
  expect(state.lastError).toBeNull();
  const second = sentEvents.sockets[1];
  expect(second?.sent[0]?.type).toBe('session.update');
  expect(replayedItems(second).map(itemText)).toEqual(before.transcript);
  await expect.poll(async () => (await appState(micPage)).responsesDone, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
});
