/**
 * How the app is pointed at an endpoint: VOICE_APP_CONFIG (wsUrl, apiKey as a subprotocol, dialect, faults forwarded
 * as voice_soak_faults), `?key=` refused, and audio unlocked by the Start click without an autoplay exemption.
 */
import { appState, expect, openAndStart, test } from './app-test.ts';
import { startWsRelay } from './ws-relay.ts';

test('VOICE_APP_CONFIG: key travels as a subprotocol, never in the URL; dialect and faults apply', async ({ micPage, server, sentEvents }) => {
  const relay = await startWsRelay(server.wsUrl);
  const config = { wsUrl: relay.url, apiKey: 'sk-test-not-a-real-key', dialect: 'beta', faults: 'ttfr-growth:100' };
  await micPage.addInitScript((c) => {
    (window as unknown as { VOICE_APP_CONFIG: unknown }).VOICE_APP_CONFIG = c;
  }, config);
  await openAndStart(micPage, server);

  expect(relay.connections).toHaveLength(1);
  const [connection] = relay.connections;
  expect(connection?.protocols).toEqual(['realtime', 'openai-insecure-api-key.sk-test-not-a-real-key', 'openai-beta.realtime-v1']);
  expect(connection?.url).toBe('/v1/realtime?voice_soak_faults=ttfr-growth%3A100');
  expect(connection?.url).not.toContain('sk-test');
  expect(micPage.url()).not.toContain('sk-test');

  const session = sentEvents.events.find((e) => e.type === 'session.update')?.session as Record<string, unknown> | undefined;
  expect(session?.input_audio_format).toBe('pcm16'); // beta shape
  await expect.poll(() => relay.serverEvents.some((e) => e.type === 'session.updated')).toBe(true);
  expect(
    relay.serverEvents.some((e) => e.type === 'error'),
    'server accepted the beta session.update',
  ).toBe(false);
  expect((await appState(micPage)).dialect).toBe('beta');
  await relay.close();
});

test('?key= is refused with a message that says where the key belongs', async ({ micPage, server }) => {
  await micPage.goto(`${server.httpUrl}?key=sk-leaky`);
  await expect(micPage.locator('#status')).toHaveAttribute('data-state', 'error');
  await expect(micPage.locator('#status')).toContainText('VOICE_APP_CONFIG.apiKey');
  await expect(micPage.locator('#start')).toBeDisabled();
  expect(await micPage.evaluate(() => 'voiceApp' in window)).toBe(false);
});

test.describe('without the autoplay exemption', () => {
  test.use({ allowAutoplay: false });

  test('the Start click unlocks audio: the AudioContext runs and reply audio is scheduled', async ({ micPage, server }) => {
    await openAndStart(micPage, server); // a real click, not page.evaluate (which would count as a gesture anyway)
    const state = await appState(micPage);
    expect(state.audioContextState).toBe('running');
    await expect.poll(async () => (await appState(micPage)).scheduledChunks, { timeout: 10_000 }).toBeGreaterThan(0);
  });
});
