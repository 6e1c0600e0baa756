/**
 * Speech-like audio for a ReplyPlan: a glottal pulse train (Rosenberg shape, differentiated for lip radiation) at a
 * pitch that declines over each sentence and rises on accented syllables, through three cascaded formant resonators
 * that glide between vowel targets, with noise bursts for fricative onsets and a per-syllable envelope. Silence
 * between words and sentences. pcm16 mono 24 kHz; about 10 ms of CPU per second of audio, and many times that on a
 * loaded machine (40-260 ms for 1 s of reply measured at load 14): a server that paces WebRTC packets every 20 ms
 * synthesizes in steps (speechSynthesisSteps, one syllable each) between its timers, not in one blocking call.
 */
import { SAMPLE_RATE_HZ } from './pcm16.ts';
import type { ReplyPlan, Vowel } from './reply-plan.ts';
import type { Random } from '../../../harness/synth/seeded-random.ts';

const formantsHz: Record<Vowel, [number, number, number]> = {
  a: [730, 1090, 2440],
  e: [530, 1840, 2480],
  i: [300, 2250, 3000],
  o: [570, 840, 2410],
  u: [320, 900, 2250],
  ae: [660, 1720, 2410],
};
const bandwidthsHz = [80, 110, 160];
const BLOCK = 60; // formant coefficients are updated every 2.5 ms

/** The whole reply at once (tests, tools). */
export function synthesizeSpeech(plan: ReplyPlan, random: Random): Int16Array {
  const steps = speechSynthesisSteps(plan, random);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same synthesis, yielding after each syllable; its return value is the reply's pcm16. */
export function* speechSynthesisSteps(plan: ReplyPlan, random: Random): Generator<void, Int16Array, void> {
  const totalSamples = Math.ceil((plan.durationMs / 1000) * SAMPLE_RATE_HZ);
  const out = new Float32Array(totalSamples);
  const state = [0, 0, 0, 0, 0, 0];
  let phase = 0;
  let prevGlottal = 0;
  let sentenceStartMs = 0;
  for (const word of plan.words) {
    for (const syl of word.syllables) {
      const start = Math.floor((syl.startMs / 1000) * SAMPLE_RATE_HZ);
      const length = Math.floor((syl.durationMs / 1000) * SAMPLE_RATE_HZ);
      const target = formantsHz[syl.vowel];
      const declination = 1 - Math.min(0.25, (syl.startMs - sentenceStartMs) / 12_000);
      const f0Hz = plan.baseF0Hz * declination * (1 + 0.18 * syl.accent) * (0.97 + random() * 0.06);
      let coeffs = resonatorCoefficients(target);
      for (let n = 0; n < length && start + n < totalSamples; n++) {
        if (n % BLOCK === 0) {
          const glide = Math.min(1, n / (0.05 * SAMPLE_RATE_HZ));
          coeffs = resonatorCoefficients(target.map((f, i) => f * (0.85 + 0.15 * glide) + (i === 0 ? 40 * (1 - glide) : 0)) as [number, number, number]);
        }
        const progress = n / length;
        const pitchHz = f0Hz * (1 + 0.08 * syl.accent * Math.sin(Math.PI * progress) - 0.05 * progress);
        phase = (phase + pitchHz / SAMPLE_RATE_HZ) % 1;
        const glottal = rosenberg(phase);
        let x = glottal - prevGlottal;
        prevGlottal = glottal;
        if (syl.fricativeOnset && progress < 0.18) x = x * (progress / 0.18) + (random() - 0.5) * 0.06 * (1 - progress / 0.18);
        let y = x;
        for (let f = 0; f < 3; f++) {
          const [a, b, c] = coeffs[f] ?? [0, 0, 0];
          const v = a * y + b * (state[2 * f] ?? 0) + c * (state[2 * f + 1] ?? 0);
          state[2 * f + 1] = state[2 * f] ?? 0;
          state[2 * f] = v;
          y = v;
        }
        const envelope = Math.min(1, n / (0.025 * SAMPLE_RATE_HZ), (length - n) / (0.04 * SAMPLE_RATE_HZ));
        out[start + n] = (out[start + n] ?? 0) + y * envelope * word.loudness * (0.7 + 0.3 * syl.accent);
      }
      yield;
    }
    if (word.text.endsWith('.')) sentenceStartMs = word.endMs;
  }
  return normalize(out, 0.45);
}

function rosenberg(phase: number): number {
  const open = 0.4;
  const close = 0.16;
  if (phase < open) return 0.5 * (1 - Math.cos((Math.PI * phase) / open));
  if (phase < open + close) return Math.cos((Math.PI * (phase - open)) / (2 * close));
  return 0;
}

function resonatorCoefficients(freqsHz: [number, number, number]): [number, number, number][] {
  return freqsHz.map((f, i) => {
    const r = Math.exp((-Math.PI * (bandwidthsHz[i] ?? 100)) / SAMPLE_RATE_HZ);
    const b = 2 * r * Math.cos((2 * Math.PI * f) / SAMPLE_RATE_HZ);
    const c = -r * r;
    return [1 - b - c, b, c] as [number, number, number];
  });
}

function normalize(samples: Float32Array, peak: number): Int16Array {
  let max = 1e-9;
  for (const s of samples) max = Math.max(max, Math.abs(s));
  const gain = (peak * 32767) / max;
  return Int16Array.from(samples, (s) => Math.round(s * gain));
}
