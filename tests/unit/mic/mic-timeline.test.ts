import { expect, test } from '@playwright/test';
import { LEAD_IN_MS, planMicTimeline } from '../../../harness/collect/mic/plan-mic-timeline.ts';
import { renderMicTimeline } from '../../../harness/collect/mic/render-mic-timeline.ts';
import { loadUtteranceCatalog, MIC_SAMPLE_RATE } from '../../../harness/collect/mic/utterance-catalog.ts';
import { parseConversationScript } from '../../../harness/collect/script/load-conversation-script.ts';

test('device timeline puts each utterance at its planned offset with silence between', async () => {
  const catalog = await loadUtteranceCatalog();
  const script = parseConversationScript({
    name: 't',
    assumedReplyMs: 3000,
    entries: [
      { utterance: 'u01', then: 'wait-reply', silenceBeforeMs: 500 },
      { kind: 'long-silence', durationMs: 2000 },
      { utterance: 'u11', then: { gapMs: 1000 } },
    ],
  });
  const plan = planMicTimeline(script, catalog);
  const u01 = catalog.utterances.get('u01')!;
  const u11 = catalog.utterances.get('u11')!;
  expect(plan.utterances.map((u) => [u.turn, u.utteranceId, Math.round(u.startMs)])).toEqual([
    [1, 'u01', LEAD_IN_MS + 500],
    [2, 'u11', Math.round(LEAD_IN_MS + 500 + u01.durationMs + 3000 + 2000)],
  ]);
  expect(plan.totalMs).toBe(Math.ceil(LEAD_IN_MS + 500 + u01.durationMs + 3000 + 2000 + u11.durationMs + 1000));

  const track = renderMicTimeline(plan, catalog);
  const at = (ms: number) => Math.round((ms / 1000) * MIC_SAMPLE_RATE);
  expect(track.length).toBe(at(plan.totalMs));
  const start = at(plan.utterances[0]!.startMs);
  expect([...track.subarray(start, start + u01.samples.length)]).toEqual([...u01.samples]);
  const second = at(plan.utterances[1]!.startMs);
  expect([...track.subarray(second, second + u11.samples.length)]).toEqual([...u11.samples]);
  expect(track.subarray(0, start).every((s) => s === 0)).toBe(true);
  expect(track.subarray(start + u01.samples.length, second).every((s) => s === 0)).toBe(true);
});
