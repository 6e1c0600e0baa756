import { test, expect } from '@playwright/test';
import { startRealtimeServer } from '../../../reference/server/start-realtime-server.ts';
import type { RealtimeServer } from '../../../reference/server/start-realtime-server.ts';
import { concatPcm, decodeDelta, readWavPcm16, RealtimeTestClient, silence, utterancePath } from './realtime-test-client.ts';
import type { ServerEvent } from './realtime-test-client.ts';

let server: RealtimeServer;
test.beforeAll(async () => {
  server = await startRealtimeServer({ appDir: false, replyScale: 0.15, baseLatencyMs: 50 });
});
test.afterAll(async () => server.close());

const dialects = {
  beta: {
    protocols: ['realtime', 'openai-insecure-api-key.sk-test', 'openai-beta.realtime-v1'],
    itemAdded: 'conversation.item.created',
    audioDelta: 'response.audio.delta',
    transcriptDelta: 'response.audio_transcript.delta',
    audioDone: 'response.audio.done',
  },
  ga: {
    protocols: ['realtime', 'openai-insecure-api-key.sk-test'],
    itemAdded: 'conversation.item.added',
    audioDelta: 'response.output_audio.delta',
    transcriptDelta: 'response.output_audio_transcript.delta',
    audioDone: 'response.output_audio.done',
  },
} as const;

function typesAfter(events: ServerEvent[], from: number): string[] {
  return events
    .slice(from)
    .map((e) => e.type)
    .filter((t, i, all) => t !== all[i - 1]);
}

for (const [dialect, names] of Object.entries(dialects)) {
  test(`${dialect}: server VAD turn from a real utterance, paced audio, consistent ids`, async () => {
    const client = await RealtimeTestClient.connect(server.wsUrl, [...names.protocols]);
    expect(client.ws.protocol).toBe('realtime');
    const startedAt = performance.now();
    client.appendAudio(concatPcm(silence(400), readWavPcm16(utterancePath('u02')), silence(800)));
    const done = await client.waitFor((e) => e.type === 'response.done', 15_000);
    const events = client.events;

    const started = client.ofType('input_audio_buffer.speech_started')[0]!;
    const stopped = client.ofType('input_audio_buffer.speech_stopped')[0]!;
    const committed = client.ofType('input_audio_buffer.committed')[0]!;
    expect(started.audio_start_ms).toBeGreaterThanOrEqual(0);
    expect(stopped.audio_end_ms).toBeGreaterThan(started.audio_start_ms + 1000);
    expect(committed.item_id).toBe(started.item_id);
    const transcript = client.ofType('conversation.item.input_audio_transcription.completed')[0]!;
    expect(transcript.item_id).toBe(started.item_id);
    expect(transcript.transcript).toMatch(/^\[speech \d+\.\d s\]$/);

    const responseId = done.response.id;
    expect(done.response.status).toBe('completed');
    expect(done.response.usage.total_tokens).toBeGreaterThan(0);
    const created = client.ofType('response.created')[0]!;
    expect(created.response).toMatchObject({ id: responseId, status: 'in_progress', output: [] });
    const outputItemId = client.ofType('response.output_item.added')[0]!.item.id;
    expect(done.response.output[0].id).toBe(outputItemId);
    const deltas = client.ofType(names.audioDelta);
    expect(deltas.length).toBeGreaterThan(3);
    for (const d of [...deltas, ...client.ofType(names.transcriptDelta)]) expect([d.response_id, d.item_id]).toEqual([responseId, outputItemId]);

    const order = typesAfter(events, events.indexOf(created));
    const expected = ['response.created', 'response.output_item.added', names.itemAdded, 'response.content_part.added'];
    expect(order.slice(0, 4)).toEqual(expected);
    const tail = [
      'response.content_part.done',
      'response.output_item.done',
      ...(dialect === 'ga' ? ['conversation.item.done'] : []),
      'response.done',
      'rate_limits.updated',
    ];
    expect(order.slice(-tail.length)).toEqual(tail);
    expect(order).toContain(names.audioDone);
    const userItem = client.events.find((e) => e.type === names.itemAdded && e.item.role === 'user')!;
    expect(userItem.item.id).toBe(committed.item_id);

    // Real-time pacing: 24 kHz pcm16, streamed no faster than playback plus a small lead.
    const audioMs = (deltas.reduce((n, d) => n + decodeDelta(d.delta).length, 0) / 24000) * 1000;
    const firstAt = client.receivedAtMs[events.indexOf(deltas[0]!)]!;
    const lastAt = client.receivedAtMs[events.indexOf(deltas.at(-1)!)]!;
    expect(lastAt - firstAt).toBeGreaterThan(audioMs - 500);
    expect(lastAt - startedAt).toBeLessThan(audioMs + 3000);
    expect(new Set(events.map((e) => e.event_id)).size).toBe(events.length);
    client.close();
  });

  test(`${dialect}: manual commit mode (turn_detection null), then response.create`, async () => {
    const client = await RealtimeTestClient.connect(server.wsUrl, [...names.protocols]);
    const session = dialect === 'beta' ? { turn_detection: null } : { type: 'realtime', audio: { input: { turn_detection: null } } };
    const updated = await client.request({ type: 'session.update', session }, 'session.updated');
    expect(dialect === 'beta' ? updated.session.turn_detection : updated.session.audio.input.turn_detection).toBeNull();
    client.appendAudio(concatPcm(readWavPcm16(utterancePath('u11')), silence(1000)));
    await new Promise((r) => setTimeout(r, 200));
    expect(client.ofType('input_audio_buffer.speech_started')).toHaveLength(0);
    const committed = await client.request({ type: 'input_audio_buffer.commit' }, 'input_audio_buffer.committed');
    expect(committed.type).toBe('input_audio_buffer.committed');
    await client.waitFor((e) => e.type === names.itemAdded && e.item.id === committed.item_id);
    expect(client.ofType('response.created')).toHaveLength(0);
    const done = await client.request({ type: 'response.create' }, 'response.done', 15_000);
    expect(done.response.status).toBe('completed');
    client.close();
  });

  test(`${dialect}: text-only modality streams text deltas and no audio`, async () => {
    const client = await RealtimeTestClient.connect(server.wsUrl, [...names.protocols]);
    const session = dialect === 'beta' ? { modalities: ['text'] } : { type: 'realtime', output_modalities: ['text'] };
    await client.request({ type: 'session.update', session }, 'session.updated');
    const done = await client.request({ type: 'response.create' }, 'response.done', 15_000);
    const textDelta = dialect === 'beta' ? 'response.text.delta' : 'response.output_text.delta';
    expect(client.ofType(textDelta).length).toBeGreaterThan(0);
    expect(client.ofType(names.audioDelta)).toHaveLength(0);
    const text = client
      .ofType(textDelta)
      .map((e) => e.delta)
      .join('');
    expect(done.response.output[0].content[0].text).toBe(text);
    client.close();
  });
}

test('dialect detection: header, api-version preview, default GA; session shapes differ', async () => {
  const viaHeader = await RealtimeTestClient.connect(server.wsUrl, undefined, { 'OpenAI-Beta': 'realtime=v1' });
  expect(viaHeader.events[0]!.session.modalities).toEqual(['text', 'audio']);
  const viaQuery = await RealtimeTestClient.connect(`${server.wsUrl.replace('/v1/realtime', '/openai/realtime')}?api-version=2024-10-01-preview&deployment=x`);
  expect(viaQuery.events[0]!.session.input_audio_format).toBe('pcm16');
  const ga = await RealtimeTestClient.connect(`${server.wsUrl.replace('/v1/realtime', '/')}?model=gpt-realtime`);
  expect(ga.ws.protocol).toBe('');
  expect(ga.events[0]!.session).toMatchObject({
    type: 'realtime',
    output_modalities: ['audio'],
    audio: { input: { format: { type: 'audio/pcm', rate: 24000 } } },
  });
  const updated = await ga.request(
    {
      type: 'session.update',
      session: { type: 'realtime', instructions: 'hi', audio: { input: { turn_detection: { threshold: 0.7 } }, output: { voice: 'verse' } } },
    },
    'session.updated',
  );
  expect(updated.session.instructions).toBe('hi');
  expect(updated.session.audio.output.voice).toBe('verse');
  expect(updated.session.audio.input.turn_detection).toMatchObject({ type: 'server_vad', threshold: 0.7, silence_duration_ms: 500 });
  for (const c of [viaHeader, viaQuery, ga]) c.close();
});
