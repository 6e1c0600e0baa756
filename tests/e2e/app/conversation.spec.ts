/**
 * Two full spoken turns against the embedded realtime server: server VAD finds the fake mic's utterances, the app
 * receives reply audio and schedules it for playback, transcripts show up, both responses finish.
 */
import { appState, expect, openAndStart, test } from './app-test.ts';
import type { AppState } from './app-test.ts';

for (const dialect of ['ga', 'beta'] as const) {
  test(`two spoken turns get replies that are played and transcribed (${dialect})`, async ({ micPage, server, sentEvents }) => {
    await openAndStart(micPage, server, `dialect=${dialect}`);
    await expect.poll(async () => (await appState(micPage)).responsesDone, { timeout: 25_000 }).toBeGreaterThanOrEqual(2);
    const state: AppState = await appState(micPage);

    expect(state.dialect).toBe(dialect);
    expect(state.turns).toBeGreaterThanOrEqual(2);
    expect(state.receivedAudioChunks).toBeGreaterThan(4);
    expect(state.receivedAudioBytes).toBeGreaterThan(24_000); // > 0.5 s of 24 kHz pcm16
    expect(state.scheduledChunks).toBe(state.receivedAudioChunks);
    expect(state.responsesCancelled).toBe(0);
    expect(state.lastError).toBeNull();

    const userLines = state.transcript.filter((l) => l.startsWith('user: '));
    const assistantLines = state.transcript.filter((l) => l.startsWith('assistant: '));
    expect(userLines.length).toBeGreaterThanOrEqual(2);
    expect(assistantLines.length).toBeGreaterThanOrEqual(2);
    await expect(micPage.locator('#transcript .line.assistant').first()).not.toBeEmpty();

    const sessionUpdate = sentEvents.events.find((e) => e.type === 'session.update');
    expect(sessionUpdate, 'session.update sent on open').toBeTruthy();
    expect(sentEvents.appends).toBeGreaterThan(50); // ~100 ms chunks for several seconds
    expect(sentEvents.events.filter((e) => e.type === 'response.cancel')).toHaveLength(0);

    await micPage.click('#stop');
    await expect(micPage.locator('#status')).toHaveAttribute('data-state', 'idle');
  });
}
