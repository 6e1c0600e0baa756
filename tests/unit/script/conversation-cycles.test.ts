/** How many conversations a run holds, the cycle record, and SOAK_CYCLES / the script's `cycles` validated. */
import { expect, test } from '@playwright/test';
import { settingsFromEnv } from '../../../harness/config/settings.ts';
import { conversationCycles } from '../../../harness/collect/script/conversation-cycles.ts';
import { cycleRecordFromSample } from '../../../harness/collect/script/cycle-record.ts';
import { loadConversationScript, parseConversationScript } from '../../../harness/collect/script/load-conversation-script.ts';
import { cycleRecordSchema } from '../../../harness/log/log-schema.ts';

const MIN = 60_000;

test('the script asks, the duration limits, SOAK_CYCLES decides; device mode and short runs do not cycle', async () => {
  expect((await loadConversationScript()).cycles).toBe(4);
  expect(conversationCycles({ explicit: undefined, scriptCycles: 4, durationMs: 7 * MIN, micMode: 'controllable' })).toEqual({ count: 4 });
  expect(conversationCycles({ explicit: undefined, scriptCycles: 4, durationMs: 3 * MIN, micMode: 'controllable' })).toMatchObject({
    count: 3,
    note: expect.stringMatching(/the script asks for 4, 3 fit a 180 s run/),
  });
  expect(conversationCycles({ explicit: undefined, scriptCycles: 4, durationMs: 2 * MIN, micMode: 'controllable' }).count).toBe(1);
  expect(conversationCycles({ explicit: undefined, scriptCycles: 4, durationMs: 25_000, micMode: 'controllable' }).count).toBe(1);
  expect(conversationCycles({ explicit: 4, scriptCycles: undefined, durationMs: 40_000, micMode: 'controllable' })).toEqual({ count: 4 });
  expect(conversationCycles({ explicit: undefined, scriptCycles: undefined, durationMs: 7 * MIN, micMode: 'controllable' })).toEqual({ count: 1 });
  expect(conversationCycles({ explicit: 4, scriptCycles: 4, durationMs: 7 * MIN, micMode: 'device' })).toMatchObject({
    count: 1,
    note: expect.stringMatching(/device mic mode/),
  });
});

test('SOAK_CYCLES is a whole number from 1 to 100; SOAK_STOP_SELECTOR defaults to #stop for the embedded app only', () => {
  expect(settingsFromEnv({ SOAK_CYCLES: '4' }).cycles).toBe(4);
  expect(settingsFromEnv({}).cycles).toBeUndefined();
  for (const bad of ['0', '2.5', 'four', '101', '-1'])
    expect(() => settingsFromEnv({ SOAK_CYCLES: bad }), bad).toThrow(`SOAK_CYCLES: expected a whole number of conversations from 1 to 100, got "${bad}"`);
  expect(settingsFromEnv({}).stopSelector).toBe('#stop');
  expect(settingsFromEnv({ SOAK_TARGET_URL: 'http://127.0.0.1:3000/' }).stopSelector).toBeUndefined();
  expect(settingsFromEnv({ SOAK_TARGET_URL: 'http://127.0.0.1:3000/', SOAK_STOP_SELECTOR: '#hangup' }).stopSelector).toBe('#hangup');
});

test("a script's cycles must be a whole number from 1 to 100", () => {
  const entries = [{ utterance: 'u01', then: 'wait-reply' }];
  expect(parseConversationScript({ name: 's', entries, cycles: 3 }).cycles).toBe(3);
  expect(() => parseConversationScript({ name: 's', entries, cycles: 0 }, 's.json')).toThrow(/^conversation script s\.json: cycles: /);
  expect(() => parseConversationScript({ name: 's', entries, cycles: 1.5 }, 's.json')).toThrow(/^conversation script s\.json: cycles: /);
});

test('a cycle record carries the post-GC sample counts', () => {
  const live = { audioContexts: 2, mediaStreamTracks: 0, peerConnections: 0, webSockets: 0 };
  const record = cycleRecordFromSample(
    {
      type: 'cdp',
      tMs: 5_000,
      heapUsedBytes: 3e6,
      heapTotalBytes: 5e6,
      domNodes: 120,
      eventListeners: 29,
      documents: 1,
      afterGc: true,
      backingStorageBytes: 250_000,
      live,
    },
    2,
    'stop-selector',
  );
  expect(record).toEqual({
    type: 'cycle',
    tMs: 5_000,
    cycle: 2,
    hungUpBy: 'stop-selector',
    live,
    eventListeners: 29,
    domNodes: 120,
    heapUsedBytes: 3e6,
    backingStorageBytes: 250_000,
  });
  expect(cycleRecordSchema.parse(record)).toEqual(record);
});
