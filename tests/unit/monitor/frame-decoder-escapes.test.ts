/** Ids with escapes (\", \uXXXX, \\) are read exactly, so audio deltas still match their response.created. */
import { expect, test } from '@playwright/test';
import type { RtEvent } from '../../../harness/log/log-schema.ts';
import { decodeRealtimeFrame } from '../../../harness/monitor/frame-decoder.ts';
import { RealtimeTracker } from '../../../harness/monitor/realtime-tracker.ts';

const audio = Buffer.alloc(4800, 7).toString('base64');
const IDS = ['resp_"quoted"', 'resp_\\back\\slash\\', 'resp_ünï \u2603', 'resp_\u0000\u001f', 'resp_/slash'];
/** JSON text with every non-ASCII character written as a \uXXXX escape, as some servers send it. */
const asciiJson = (value: unknown) => JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const created = (id: string) => ({ type: 'response.created', response: { id, status: 'in_progress' } });
const delta = (id: string, type = 'response.output_audio.delta') => ({ type, response_id: id, item_id: 'item', delta: audio });

test('a response id with an escaped quote, backslashes or unicode escapes is read whole and exact', () => {
  for (const id of IDS) {
    for (const text of [JSON.stringify(delta(id)), asciiJson(delta(id)), JSON.stringify(delta(id), null, 2)]) {
      expect(decodeRealtimeFrame(text), text).toEqual({
        kind: 'audio-delta',
        eventType: 'response.output_audio.delta',
        responseId: id,
        bytes: 4800,
        dialect: 'ga',
      });
    }
  }
});

test('base64 with escaped slashes (\\/) is measured as decoded, not as written', () => {
  const payload = Buffer.from([0xff, 0xff, 0xfe, 0xfb, 0xef, 0xbe]).toString('base64'); // "///++++/" style: holds slashes
  expect(payload).toContain('/');
  const text = JSON.stringify({ type: 'response.audio.delta', response_id: 'r1', delta: payload }).replace(/\//g, '\\/');
  expect(decodeRealtimeFrame(text)).toMatchObject({ kind: 'audio-delta', responseId: 'r1', bytes: 6 });
});

test('the fast path reads only top-level keys: a value or nested key named like one does not fool it', () => {
  const tricky = JSON.stringify({
    type: 'response.audio.delta',
    item_id: 'delta',
    meta: { response_id: 'nested', delta: 'AAAA', type: 'x' },
    response_id: 'r_top',
    delta: audio,
  });
  expect(decodeRealtimeFrame(tricky)).toEqual({ kind: 'audio-delta', eventType: 'response.audio.delta', responseId: 'r_top', bytes: 4800, dialect: 'beta' });
  const typeLater = JSON.stringify({ response_id: 'r2', delta: 'AAAA', type: 'response.output_audio.delta' });
  expect(decodeRealtimeFrame(typeLater)).toMatchObject({ kind: 'audio-delta', responseId: 'r2', bytes: 3 });
  const typeAsValue = JSON.stringify({ event_id: 'type', type: 'response.output_audio.delta', delta: 'AAAA' });
  expect(decodeRealtimeFrame(typeAsValue)).toMatchObject({ kind: 'audio-delta', responseId: 'unknown', bytes: 3 });
  expect(decodeRealtimeFrame('{"type":"response.audio.delta","delta":"AAAA"')).toBeNull(); // truncated: not JSON
});

test('audio deltas still match their response.created when ids hold escapes: TTFR and first audio per response', () => {
  const records: RtEvent[] = [];
  const tracker = new RealtimeTracker((r) => records.push(r));
  let tMs = 0;
  for (const id of IDS) {
    const frames = [{ type: 'response.create' }, created(id), delta(id), delta(id), { type: 'response.done', response: { id, status: 'completed' } }];
    for (const [i, frame] of frames.entries()) {
      const text = i === 3 ? asciiJson(frame) : JSON.stringify(frame); // one delta with unicode escapes, one without
      tMs += 100;
      tracker.handle(decodeRealtimeFrame(text)!, tMs, 'ws-1', frame.type === 'response.create');
    }
  }
  const byKind = (kind: string) => records.filter((r) => r.kind === kind).map((r) => ('responseId' in r ? r.responseId : null));
  expect(byKind('response-created')).toEqual(IDS);
  expect(byKind('first-audio')).toEqual(IDS);
  expect(byKind('audio-delta')).toEqual(IDS.flatMap((id) => [id, id]));
  expect(tracker.ttfr.toArray()).toHaveLength(IDS.length);
  expect(tracker.takeOverdue(1e9, 1000)).toEqual([]);
});
