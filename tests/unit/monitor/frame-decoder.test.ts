import { expect, test } from '@playwright/test';
import { decodeRealtimeFrame } from '../../../harness/monitor/frame-decoder.ts';

const audio = Buffer.alloc(4800, 7).toString('base64');

test('skips frames that are not JSON objects without parsing', () => {
  expect(decodeRealtimeFrame('hello')).toBeNull();
  expect(decodeRealtimeFrame('  [1,2]')).toBeNull();
  expect(decodeRealtimeFrame('{not json')).toBeNull();
  expect(decodeRealtimeFrame('')).toBeNull();
});

test('reads beta and GA audio deltas by string search: bytes and response id', () => {
  const beta = JSON.stringify({
    type: 'response.audio.delta',
    event_id: 'e1',
    response_id: 'resp_1',
    item_id: 'i',
    output_index: 0,
    content_index: 0,
    delta: audio,
  });
  expect(decodeRealtimeFrame(beta)).toEqual({ kind: 'audio-delta', eventType: 'response.audio.delta', responseId: 'resp_1', bytes: 4800, dialect: 'beta' });
  const ga = JSON.stringify({ delta: Buffer.alloc(5).toString('base64'), type: 'response.output_audio.delta', response_id: 'resp_2' });
  expect(decodeRealtimeFrame(ga)).toEqual({ kind: 'audio-delta', eventType: 'response.output_audio.delta', responseId: 'resp_2', bytes: 5, dialect: 'ga' });
});

test('decodes turn events, response lifecycle and errors', () => {
  expect(decodeRealtimeFrame(JSON.stringify({ type: 'input_audio_buffer.speech_stopped', item_id: 'item_1', audio_end_ms: 900 }))).toEqual({
    kind: 'speech-stopped',
    eventType: 'input_audio_buffer.speech_stopped',
    itemId: 'item_1',
  });
  expect(decodeRealtimeFrame(JSON.stringify({ type: 'input_audio_buffer.committed', item_id: 'item_1' }))?.kind).toBe('committed');
  expect(decodeRealtimeFrame(JSON.stringify({ type: 'response.create', response: { modalities: ['audio'] } }))?.kind).toBe('response-requested');
  expect(decodeRealtimeFrame(JSON.stringify({ type: 'response.created', response: { id: 'resp_9', status: 'in_progress' } }))).toEqual({
    kind: 'response-created',
    eventType: 'response.created',
    responseId: 'resp_9',
  });
  // A nested "type" inside output items must not confuse the decoder.
  const done = { type: 'response.done', response: { id: 'resp_9', status: 'cancelled', output: [{ type: 'message' }] } };
  expect(decodeRealtimeFrame(JSON.stringify(done))).toEqual({ kind: 'response-done', eventType: 'response.done', responseId: 'resp_9', status: 'cancelled' });
  expect(decodeRealtimeFrame(JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', code: 'bad_value', message: 'nope' } }))).toEqual({
    kind: 'protocol-error',
    eventType: 'error',
    code: 'bad_value',
    errorType: 'invalid_request_error',
    message: 'nope',
  });
  expect(decodeRealtimeFrame(JSON.stringify({ type: 'session.updated' }))).toEqual({ kind: 'other', eventType: 'session.updated' });
});

test('maps an unknown response status to failed so records stay valid', () => {
  const frame = decodeRealtimeFrame(JSON.stringify({ type: 'response.done', response: { id: 'r', status: 'exploded' } }));
  expect(frame).toMatchObject({ kind: 'response-done', status: 'failed' });
});

test('an error event keeps error.type apart from its code (client misuse vs server failure)', () => {
  const frame = (error: Record<string, unknown>) => decodeRealtimeFrame(JSON.stringify({ type: 'error', event_id: 'e', error }));
  expect(frame({ type: 'invalid_request_error', code: 'response_cancel_not_active', message: 'Cancellation failed: no active response found' })).toEqual({
    kind: 'protocol-error',
    eventType: 'error',
    code: 'response_cancel_not_active',
    errorType: 'invalid_request_error',
    message: 'Cancellation failed: no active response found',
  });
  expect(frame({ type: 'server_error', code: 'injected_fault', message: 'boom' })).toMatchObject({ code: 'injected_fault', errorType: 'server_error' });
  // No code: the type stands in for it, as before, and is still reported as the type.
  expect(frame({ type: 'server_error', message: 'x' })).toEqual({
    kind: 'protocol-error',
    eventType: 'error',
    code: 'server_error',
    errorType: 'server_error',
    message: 'x',
  });
  expect(frame({ message: 'bare' })).toEqual({ kind: 'protocol-error', eventType: 'error', message: 'bare' });
});
