import { test, expect } from '@playwright/test';
import { thresholdToDbfs, VoiceActivityDetector } from '../../../reference/server/realtime/voice-activity-detector.ts';
import { mixSeeds, seededRandom } from '../../../harness/synth/seeded-random.ts';
import { concatPcm, readWavPcm16, silence, utterancePath } from '../../e2e/reference-server/realtime-test-client.ts';

const defaults = { threshold: 0.5, prefixPaddingMs: 300, silenceDurationMs: 500 };
const ids = Array.from({ length: 20 }, (_, i) => `u${String(i + 1).padStart(2, '0')}`);

function noise(ms: number, dbfs: number): Int16Array {
  const random = seededRandom(mixSeeds(7));
  const amplitude = 32768 * 10 ** (dbfs / 20) * Math.sqrt(3); // uniform noise RMS = amplitude / sqrt(3)
  return Int16Array.from({ length: (24000 * ms) / 1000 }, () => Math.round((random() * 2 - 1) * amplitude));
}

test('every fake-mic utterance is one detected turn at the default threshold 0.5 (-35 dBFS)', () => {
  expect(thresholdToDbfs(0.5)).toBe(-35);
  for (const id of ids) {
    const speech = readWavPcm16(utterancePath(id));
    const vad = new VoiceActivityDetector(defaults);
    const events = vad.push(concatPcm(silence(1000), speech, silence(1000)));
    const started = events.filter((e) => e.type === 'speech_started');
    const stopped = events.filter((e) => e.type === 'speech_stopped');
    expect(started.length, id).toBe(1);
    expect(stopped.length, id).toBe(started.length);
    // The first start lies within the utterance, and the whole utterance is inside the detected speech.
    const first = events[0]!;
    expect(first.type === 'speech_started' && first.audioStartMs + defaults.prefixPaddingMs, id).toBeGreaterThanOrEqual(1000);
    const last = stopped.at(-1)!;
    const speechMs = (speech.length / 24000) * 1000;
    expect(last.type === 'speech_stopped' && last.audioEndMs, id).toBeGreaterThanOrEqual(1000 + speechMs * 0.6);
  }
});

test('silence and low noise (-50 dBFS) are not speech; loud noise is; threshold moves the cut-off', () => {
  expect(new VoiceActivityDetector(defaults).push(silence(3000))).toEqual([]);
  expect(new VoiceActivityDetector(defaults).push(noise(3000, -50))).toEqual([]);
  expect(new VoiceActivityDetector(defaults).push(noise(1000, -20))[0]?.type).toBe('speech_started');
  expect(new VoiceActivityDetector({ ...defaults, threshold: 0.1 }).push(noise(1000, -50))[0]?.type).toBe('speech_started');
  expect(new VoiceActivityDetector({ ...defaults, threshold: 0.95 }).push(readWavPcm16(utterancePath('u01')))).toEqual([]);
});

test('silence_duration_ms and prefix_padding_ms shape the boundaries; audio split across appends gives the same result', () => {
  const input = concatPcm(silence(1000), readWavPcm16(utterancePath('u04')), silence(1500));
  const short = new VoiceActivityDetector({ ...defaults, silenceDurationMs: 200 }).push(input);
  const long = new VoiceActivityDetector({ ...defaults, silenceDurationMs: 1200 }).push(input);
  expect(short.filter((e) => e.type === 'speech_stopped').length).toBeGreaterThanOrEqual(long.filter((e) => e.type === 'speech_stopped').length);
  const stopShort = short.find((e) => e.type === 'speech_stopped');
  const stopLong = long.find((e) => e.type === 'speech_stopped');
  expect(stopLong && stopShort && stopLong.type === 'speech_stopped' && stopShort.type === 'speech_stopped' && stopLong.audioEndMs > stopShort.audioEndMs).toBe(
    true,
  );
  const padded = new VoiceActivityDetector({ ...defaults, prefixPaddingMs: 0 }).push(input)[0]!;
  const unpadded = new VoiceActivityDetector(defaults).push(input)[0]!;
  expect(padded.type === 'speech_started' && unpadded.type === 'speech_started' && padded.audioStartMs - unpadded.audioStartMs).toBe(300);
  const split = new VoiceActivityDetector(defaults);
  const pieces: ReturnType<VoiceActivityDetector['push']> = [];
  for (let i = 0; i < input.length; i += 777) pieces.push(...split.push(input.subarray(i, i + 777)));
  expect(pieces).toEqual(new VoiceActivityDetector(defaults).push(input));
});
