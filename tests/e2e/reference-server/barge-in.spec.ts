import { test, expect } from '@playwright/test';
import { startRealtimeServer } from '../../../reference/server/start-realtime-server.ts';
import type { RealtimeServer } from '../../../reference/server/start-realtime-server.ts';
import { concatPcm, readWavPcm16, RealtimeTestClient, silence, utterancePath } from './realtime-test-client.ts';

let server: RealtimeServer;
test.beforeAll(async () => {
  server = await startRealtimeServer({ appDir: false, replyScale: 2, baseLatencyMs: 20 });
});
test.afterAll(async () => server.close());

for (const dialect of ['beta', 'ga'] as const) {
  test(`${dialect}: speech during a response cancels it (interrupt_response)`, async () => {
    const client = await RealtimeTestClient.connect(`${server.wsUrl}?voice_soak_dialect=${dialect}`);
    const created = await client.request({ type: 'response.create' }, 'response.created');
    await client.waitFor((e) => e.type.endsWith('audio.delta'));
    const from = client.events.length;
    client.appendAudio(concatPcm(readWavPcm16(utterancePath('u06')), silence(700)));
    const started = await client.waitFor((e) => e.type === 'input_audio_buffer.speech_started', 5000, from);
    const done = await client.waitFor((e) => e.type === 'response.done', 5000, from);
    expect(client.events.indexOf(done)).toBeGreaterThan(client.events.indexOf(started));
    expect(done.response).toMatchObject({ id: created.response.id, status: 'cancelled', status_details: { type: 'cancelled', reason: 'turn_detected' } });
    expect(done.response.output[0].status).toBe('incomplete');
    // The user's turn then gets its own response (create_response).
    const next = await client.waitFor((e) => e.type === 'response.created' && e.response.id !== created.response.id, 5000, from);
    expect(next.response.status).toBe('in_progress');
    client.close();
  });
}

test('with interrupt_response false the response keeps going through speech', async () => {
  const client = await RealtimeTestClient.connect(server.wsUrl);
  await client.request(
    { type: 'session.update', session: { type: 'realtime', audio: { input: { turn_detection: { interrupt_response: false, create_response: false } } } } },
    'session.updated',
  );
  await client.request({ type: 'response.create' }, 'response.created');
  await client.waitFor((e) => e.type === 'response.output_audio.delta');
  const from = client.events.length;
  client.appendAudio(concatPcm(readWavPcm16(utterancePath('u11')), silence(700)));
  await client.waitFor((e) => e.type === 'input_audio_buffer.committed', 5000, from);
  await new Promise((r) => setTimeout(r, 200));
  expect(client.events.slice(from).filter((e) => e.type === 'response.done')).toHaveLength(0);
  expect(client.events.slice(from).filter((e) => e.type === 'response.created')).toHaveLength(0);
  // The app's own barge-in: cancel, then truncate the reply to what was heard.
  const done = await client.request({ type: 'response.cancel' }, 'response.done');
  const itemId = done.response.output[0].id;
  expect(done.response.output[0].status).toBe('incomplete');
  const truncated = await client.request(
    { type: 'conversation.item.truncate', item_id: itemId, content_index: 0, audio_end_ms: 150 },
    'conversation.item.truncated',
  );
  expect(truncated).toMatchObject({ type: 'conversation.item.truncated', item_id: itemId, audio_end_ms: 150 });
  client.close();
});
