import { test, expect } from '@playwright/test';
import { startRealtimeServer } from '../../../reference/server/start-realtime-server.ts';
import type { RealtimeServer } from '../../../reference/server/start-realtime-server.ts';
import { RealtimeTestClient } from './realtime-test-client.ts';

let server: RealtimeServer;
let client: RealtimeTestClient;
test.beforeAll(async () => {
  server = await startRealtimeServer({ appDir: false, replyScale: 0.1, baseLatencyMs: 20 });
});
test.afterAll(async () => server.close());
test.beforeEach(async () => {
  client = await RealtimeTestClient.connect(server.wsUrl, ['realtime', 'openai-beta.realtime-v1']);
});
test.afterEach(() => client.close());

async function expectError(send: () => void, code: string, param?: string | null): Promise<void> {
  const from = client.events.length;
  send();
  const error = await client.waitFor((e) => e.type === 'error', 5000, from);
  expect(error.error.type).toBe('invalid_request_error');
  expect(error.error.code).toBe(code);
  if (param !== undefined) expect(error.error.param).toBe(param);
  expect(typeof error.error.message).toBe('string');
  // The connection stays usable after every error.
  const updated = await client.request({ type: 'session.update', session: { instructions: `after ${code}` } }, 'session.updated');
  expect(updated.session.instructions).toBe(`after ${code}`);
}

test('malformed JSON, non-object, binary frame, missing or unknown type', async () => {
  await expectError(() => client.sendRaw('{"type": "session.update", '), 'invalid_json');
  await expectError(() => client.sendRaw('[1,2]'), 'invalid_type');
  await expectError(() => client.ws.send(Buffer.from([1, 2, 3]), { binary: true }), 'invalid_value');
  await expectError(() => client.send({ event_id: 'evt_1' }), 'missing_required_parameter', 'type');
  await expectError(() => client.send({ type: 'session.explode' }), 'invalid_value', 'type');
  const last = client.ofType('error').at(-1)!;
  expect(last.error.message).toContain("'session.explode'");
});

test('bad fields name the parameter; error.event_id echoes the client event', async () => {
  await expectError(() => client.send({ type: 'input_audio_buffer.append' }), 'missing_required_parameter', 'audio');
  await expectError(() => client.send({ type: 'input_audio_buffer.append', audio: '***not base64***' }), 'invalid_value', 'audio');
  await expectError(() => client.send({ type: 'session.update', session: { voice: 5 } }), 'invalid_type', 'session.voice');
  await expectError(
    () => client.send({ type: 'session.update', session: { turn_detection: { threshold: 2 } } }),
    'decimal_above_max_value',
    'session.turn_detection.threshold',
  );
  await expectError(() => client.send({ type: 'session.update', session: { colour: 'blue' } }), 'unknown_parameter', 'session.colour');
  await expectError(() => client.send({ type: 'session.update', session: { modalities: ['smell'] } }), 'invalid_value', 'session.modalities.0');
  await expectError(
    () => client.send({ type: 'conversation.item.create', event_id: 'evt_42', item: { type: 'message' } }),
    'missing_required_parameter',
    'item.role',
  );
  expect(client.ofType('error').at(-1)!.error.event_id).toBe('evt_42');
});

test('response and buffer state errors: active response, cancel with none active, empty commit', async () => {
  await expectError(() => client.send({ type: 'response.cancel' }), 'response_cancel_not_active');
  await expectError(() => client.send({ type: 'input_audio_buffer.commit' }), 'input_audio_buffer_commit_empty');
  const created = await client.request({ type: 'response.create' }, 'response.created');
  await expectError(() => client.send({ type: 'response.create' }), 'conversation_already_has_active_response');
  expect(client.ofType('error').at(-1)!.error.message).toContain(created.response.id);
  await expectError(() => client.send({ type: 'response.cancel', response_id: 'resp_other' }), 'response_cancel_not_active', 'response_id');
  const done = await client.request({ type: 'response.cancel', response_id: created.response.id }, 'response.done');
  expect(done.response).toMatchObject({ id: created.response.id, status: 'cancelled', status_details: { type: 'cancelled', reason: 'client_cancelled' } });
});

test('item operations and unknown item ids', async () => {
  await expectError(
    () => client.send({ type: 'conversation.item.truncate', item_id: 'item_nope', content_index: 0, audio_end_ms: 10 }),
    'item_truncate_invalid_item_id',
    'item_id',
  );
  await expectError(() => client.send({ type: 'conversation.item.delete', item_id: 'item_nope' }), 'item_delete_invalid_item_id', 'item_id');
  await expectError(() => client.send({ type: 'conversation.item.retrieve', item_id: 'item_nope' }), 'item_retrieve_invalid_item_id', 'item_id');
  const item = { id: 'item_user1', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hello' }] };
  const created = await client.request({ type: 'conversation.item.create', item }, 'conversation.item.created');
  expect(created.item).toMatchObject({ ...item, object: 'realtime.item', status: 'completed' });
  await expectError(() => client.send({ type: 'conversation.item.create', item }), 'item_already_exists', 'item.id');
  const retrieved = await client.request({ type: 'conversation.item.retrieve', item_id: 'item_user1' }, 'conversation.item.retrieved');
  expect(retrieved.item.content[0].text).toBe('hello');

  const done = await client.request({ type: 'response.create' }, 'response.done', 8000);
  const assistantId = done.response.output[0].id;
  await expectError(
    () => client.send({ type: 'conversation.item.truncate', item_id: assistantId, content_index: 0, audio_end_ms: 999_999 }),
    'invalid_value',
    'audio_end_ms',
  );
  const truncated = await client.request(
    { type: 'conversation.item.truncate', item_id: assistantId, content_index: 0, audio_end_ms: 100 },
    'conversation.item.truncated',
  );
  expect(truncated).toMatchObject({ item_id: assistantId, content_index: 0, audio_end_ms: 100 });
  const deleted = await client.request({ type: 'conversation.item.delete', item_id: 'item_user1' }, 'conversation.item.deleted');
  expect(deleted.item_id).toBe('item_user1');
  await expectError(() => client.send({ type: 'conversation.item.retrieve', item_id: 'item_user1' }), 'item_retrieve_invalid_item_id');
});

test('an oversized message (16 MiB > 15 MiB limit) gets message_too_large and the connection stays open', async () => {
  const audio = Buffer.alloc(12 * 1024 * 1024).toString('base64'); // 16 MiB of base64
  await expectError(() => client.send({ type: 'input_audio_buffer.append', audio }), 'message_too_large');
  expect(client.closeCode).toBeNull();
});
