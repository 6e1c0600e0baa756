/**
 * The audio edges on hand-built runs: mouth-to-ear from the caller's end of speech to the first audible frame, echo
 * of the caller's own voice never counted as a reply, gaps inside a reply, barge-in overlap, nothing heard.
 */
import { expect, test } from '@playwright/test';
import { edgeTurns } from '../../../harness/analyze/judge/edge-turns.ts';
import { createOutputRuns } from '../../../harness/analyze/judge/output-runs.ts';

/** Output heard as [fromMs, toMs] spans, 10 ms frames at -20 dBFS inside them and -100 outside, as the tap writes. */
function runsOf(spans: Array<[number, number]>, untilMs: number) {
  const output = createOutputRuns();
  const levels: number[] = [];
  for (let t = 0; t < untilMs; t += 10) levels.push(spans.some(([a, b]) => t >= a && t < b) ? -20 : -100);
  for (let i = 0; i < levels.length; i += 50)
    output.add({ type: 'monitor', kind: 'audio-out', tMs: i * 10, source: 'webaudio', sourceId: 'ctx-1', frameMs: 10, levelsDb: levels.slice(i, i + 50) });
  return output;
}

test('mouth-to-ear runs from the end of speech to the first audible frame; the reply lasts to its last frame', () => {
  const output = runsOf(
    [
      [3200, 3700],
      [3800, 4500],
    ],
    8000,
  );
  const [turn] = edgeTurns([{ turn: 1, startMs: 1000, endMs: 2000 }], output.runs(), 800, 8000);
  expect(turn).toMatchObject({ turn: 1, mouthToEarMs: 1200, replyStartMs: 3200, replyMs: 1300, gapsMs: [], echoMs: 0, bargeInOverlapMs: null });
  expect(output.audibleMs).toBe(1200);
});

test("the caller's own voice played back (echo) is not a reply, and the reply after it is", () => {
  const output = runsOf(
    [
      [1100, 2150],
      [3000, 4000],
    ],
    6000,
  );
  const [turn] = edgeTurns([{ turn: 1, startMs: 1000, endMs: 2000 }], output.runs(), 800, 6000);
  expect(turn!.echoMs).toBe(1050);
  expect(turn!.mouthToEarMs).toBe(1000);
});

test('silences of gapMs or more inside a reply are gaps; natural pauses are not', () => {
  const output = runsOf(
    [
      [2500, 3000],
      [3500, 4000],
      [5000, 5600],
    ],
    9000,
  );
  const [turn] = edgeTurns([{ turn: 1, startMs: 500, endMs: 2000 }], output.runs(), 800, 9000);
  expect(turn!.gapsMs).toEqual([1000]);
  expect(turn!.replyMs).toBe(3100);
});

test('talking over a reply: the overlap lasts until the reply audio stops, and the next reply is timed from the new end of speech', () => {
  const output = runsOf(
    [
      [3000, 7300],
      [9000, 9500],
    ],
    12_000,
  );
  const [first, second] = edgeTurns(
    [
      { turn: 1, startMs: 1000, endMs: 2000 },
      { turn: 2, startMs: 6000, endMs: 7800 },
    ],
    output.runs(),
    800,
    12_000,
  );
  expect(first).toMatchObject({ mouthToEarMs: 1000, replyMs: 3000 });
  expect(second).toMatchObject({ bargeInOverlapMs: 1300, mouthToEarMs: 1200 });
});

test('nothing heard before the next utterance: no mouth-to-ear for that turn', () => {
  const output = runsOf([[9000, 9500]], 12_000);
  const turns = edgeTurns(
    [
      { turn: 1, startMs: 1000, endMs: 2000 },
      { turn: 2, startMs: 6000, endMs: 7000 },
    ],
    output.runs(),
    800,
    12_000,
  );
  expect(turns.map((t) => t.mouthToEarMs)).toEqual([null, 2000]);
});

test('two sources are heard as one timeline, and the envelope keeps the loudest frame per 50 ms', () => {
  const output = createOutputRuns();
  output.add({ type: 'monitor', kind: 'audio-out', tMs: 1000, source: 'webaudio', sourceId: 'ctx-1', frameMs: 10, levelsDb: [-20, -20, -100] });
  output.add({ type: 'monitor', kind: 'audio-out', tMs: 1020, source: 'media', sourceId: 'media', frameMs: 10, levelsDb: [-30, -30, -100] });
  expect(output.runs()).toEqual([{ startMs: 1000, endMs: 1040 }]);
  expect(output.envelope(1000, 1050)).toEqual([
    [1000, -20],
    [1050, -100],
  ]);
  expect([...output.sources]).toEqual(['webaudio:ctx-1', 'media:media']);
});
