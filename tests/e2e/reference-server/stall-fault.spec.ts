import { test, expect } from '@playwright/test';
import { startRealtimeServer } from '../../../reference/server/start-realtime-server.ts';
import type { RealtimeServer } from '../../../reference/server/start-realtime-server.ts';
import { RealtimeTestClient } from './realtime-test-client.ts';

let server: RealtimeServer;
test.beforeAll(async () => {
  server = await startRealtimeServer({ appDir: false, replyScale: 0.1, baseLatencyMs: 20, faults: 'stall:2' });
});
test.afterAll(async () => server.close());

test('stall:2 (server default): turn 1 completes, turn 2 stops half-way with no response.done in 10 s until cancelled', async () => {
  test.setTimeout(20_000);
  const client = await RealtimeTestClient.connect(server.wsUrl);
  const first = await client.request({ type: 'response.create' }, 'response.done', 5000);
  expect(first.response.status).toBe('completed');

  const from = client.events.length;
  const created = await client.request({ type: 'response.create' }, 'response.created');
  await client.waitFor((e) => e.type === 'response.output_audio.delta', 5000, from);
  await expect(client.waitFor((e) => e.type === 'response.done', 10_000, from)).rejects.toThrow(/timed out/);
  const deltas = client.events.slice(from).filter((e) => e.type === 'response.output_audio.delta');
  expect(deltas.length).toBeGreaterThan(0);
  expect(client.events.slice(from).some((e) => e.type === 'response.output_audio.done')).toBe(false);

  const done = await client.request({ type: 'response.cancel' }, 'response.done');
  expect(done.response).toMatchObject({ id: created.response.id, status: 'cancelled' });
  client.close();
});
