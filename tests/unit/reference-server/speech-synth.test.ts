import { test, expect } from '@playwright/test';
import { planReply } from '../../../reference/server/realtime/reply-plan.ts';
import { mixSeeds, seededRandom } from '../../../harness/synth/seeded-random.ts';
import { synthesizeSpeech } from '../../../reference/server/realtime/speech-synth.ts';

const RATE = 24000;

function reply(seed: number, turn: number): { pcm: Int16Array; durationMs: number; text: string } {
  const random = seededRandom(mixSeeds(seed, turn));
  const plan = planReply(random, 1);
  return { pcm: synthesizeSpeech(plan, random), durationMs: plan.durationMs, text: plan.text };
}

function rms(x: Int16Array, start: number, n: number): number {
  let s = 0;
  for (let i = start; i < start + n; i++) s += ((x[i] ?? 0) / 32768) ** 2;
  return Math.sqrt(s / n);
}

/** Pitch by autocorrelation over 60..300 Hz. */
function pitchHz(x: Int16Array, start: number, n: number): number {
  let best = 0;
  let bestLag = 0;
  for (let lag = Math.floor(RATE / 300); lag <= Math.ceil(RATE / 60); lag++) {
    let c = 0;
    for (let i = start; i < start + n - lag; i++) c += (x[i] ?? 0) * (x[i + lag] ?? 0);
    if (c > best) [best, bestLag] = [c, lag];
  }
  return RATE / bestLag;
}

function zeroCrossingsPerS(x: Int16Array, start: number, n: number): number {
  let z = 0;
  for (let i = start + 1; i < start + n; i++) if ((x[i - 1] ?? 0) < 0 !== (x[i] ?? 0) < 0) z++;
  return (z * RATE) / n;
}

test('reply audio is voiced speech-like: pitch in voice range and varying, zero-crossing rate varying, pauses between words', () => {
  const { pcm } = reply(1, 1);
  const frame = RATE * 0.04;
  const pitches: number[] = [];
  const crossings: number[] = [];
  let quietFrames = 0;
  let frames = 0;
  for (let start = 0; start + frame <= pcm.length; start += frame) {
    frames++;
    const level = rms(pcm, start, frame);
    if (level < 0.002) quietFrames++;
    if (level > 0.05) {
      pitches.push(pitchHz(pcm, start, frame));
      crossings.push(zeroCrossingsPerS(pcm, start, frame));
    }
  }
  expect(pitches.length).toBeGreaterThan(20);
  const sorted = [...pitches].sort((a, b) => a - b);
  const p10 = sorted[Math.floor(sorted.length * 0.1)]!;
  const p90 = sorted[Math.floor(sorted.length * 0.9)]!;
  expect(p10).toBeGreaterThan(70);
  expect(p90).toBeLessThan(260);
  expect(p90 / p10).toBeGreaterThan(1.1); // intonation, not a monotone
  const zSorted = [...crossings].sort((a, b) => a - b);
  expect(zSorted.at(-1)! / zSorted[0]!).toBeGreaterThan(1.5); // formants change between syllables
  expect(quietFrames / frames).toBeGreaterThan(0.1); // pauses
  expect(quietFrames / frames).toBeLessThan(0.7);
});

test('reply audio is not a pure tone: energy spread over several harmonics', () => {
  const { pcm } = reply(3, 2);
  const frame = 2048;
  let start = 0;
  while (rms(pcm, start, frame) < 0.08) start += 512;
  const magnitudes: number[] = [];
  for (let bin = 1; bin < 200; bin++) {
    let re = 0;
    let im = 0;
    for (let i = 0; i < frame; i++) {
      const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / frame);
      const angle = (2 * Math.PI * bin * i) / frame;
      re += (pcm[start + i] ?? 0) * w * Math.cos(angle);
      im -= (pcm[start + i] ?? 0) * w * Math.sin(angle);
    }
    magnitudes.push(Math.hypot(re, im));
  }
  const energy = magnitudes.map((m) => m * m);
  const total = energy.reduce((a, b) => a + b, 0);
  const top = [...energy].sort((a, b) => b - a);
  expect(top[0]! / total).toBeLessThan(0.5);
  const peaks = energy.filter((e, i) => e > total * 0.01 && e >= (energy[i - 1] ?? 0) && e >= (energy[i + 1] ?? 0));
  expect(peaks.length).toBeGreaterThanOrEqual(4);
});

test('reply length varies turn to turn within 1.5..12 s, deterministically per seed and turn', () => {
  const durations = Array.from({ length: 12 }, (_, turn) => reply(5, turn).durationMs);
  expect(Math.min(...durations)).toBeGreaterThanOrEqual(1400);
  expect(Math.max(...durations)).toBeLessThanOrEqual(13_000);
  expect(Math.max(...durations) - Math.min(...durations)).toBeGreaterThan(2500);
  expect(new Set(durations).size).toBeGreaterThan(8);
  const again = reply(5, 4);
  expect(again.pcm).toEqual(reply(5, 4).pcm);
  expect(again.text).not.toBe(reply(6, 4).text);
  expect(again.pcm.length).toBe(Math.ceil((again.durationMs / 1000) * RATE));
});

test('synthesis is cheap: 12 turns of audio in well under a second of CPU', () => {
  const t0 = performance.now();
  let audioMs = 0;
  for (let turn = 0; turn < 12; turn++) audioMs += reply(9, turn).durationMs;
  const cpuMs = performance.now() - t0;
  expect(cpuMs / audioMs).toBeLessThan(0.05);
});
