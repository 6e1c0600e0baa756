import { expect, test } from '@playwright/test';
import { resamplePcm16 } from '../../../harness/collect/mic/resample-pcm16.ts';

const AMPLITUDE = 10_000;
const tone = (hz: number, rateHz: number, length: number): Int16Array =>
  Int16Array.from({ length }, (_, i) => Math.round(AMPLITUDE * Math.sin((2 * Math.PI * hz * i) / rateHz)));

/** RMS level of `samples` against the tone's, dB, leaving out the filter's run-in at both ends. */
function levelDb(samples: Int16Array, edge = 300): number {
  let sum = 0;
  for (let i = edge; i < samples.length - edge; i++) sum += samples[i]! ** 2;
  const rms = Math.sqrt(sum / (samples.length - 2 * edge));
  return 20 * Math.log10(Math.max(rms, 1e-9) / (AMPLITUDE / Math.SQRT2));
}

for (const { fromHz, toHz, aboveNyquistHz, passHz } of [
  { fromHz: 48_000, toHz: 16_000, aboveNyquistHz: [8_600, 9_600, 15_000], passHz: [300, 1_000, 3_400, 6_000] },
  { fromHz: 44_100, toHz: 24_000, aboveNyquistHz: [12_800, 14_000, 20_000], passHz: [300, 1_000, 5_000, 9_000] },
]) {
  test(`${fromHz} -> ${toHz} Hz: tones above the new Nyquist are gone (> 40 dB down), speech-band tones pass within 0.5 dB`, () => {
    for (const hz of aboveNyquistHz) expect(levelDb(resamplePcm16(tone(hz, fromHz, fromHz), fromHz, toHz)), `${hz} Hz`).toBeLessThan(-40);
    for (const hz of passHz) expect(Math.abs(levelDb(resamplePcm16(tone(hz, fromHz, fromHz), fromHz, toHz))), `${hz} Hz`).toBeLessThan(0.5);
  });
}

test('lengths follow the ratio (rounded); the output keeps the tone in time (no delay); same rate returns the input', () => {
  expect(resamplePcm16(new Int16Array(48_000), 48_000, 16_000)).toHaveLength(16_000);
  expect(resamplePcm16(new Int16Array(4_801), 48_000, 16_000)).toHaveLength(1_600);
  expect(resamplePcm16(new Int16Array(44_100), 44_100, 24_000)).toHaveLength(24_000);
  expect(resamplePcm16(new Int16Array(1_001), 44_100, 24_000)).toHaveLength(545);
  expect(resamplePcm16(new Int16Array(16_000), 16_000, 24_000)).toHaveLength(24_000);
  expect(resamplePcm16(Int16Array.of(5), 48_000, 8_000)).toHaveLength(1);
  for (const [fromHz, toHz] of [
    [16_000, 24_000],
    [44_100, 24_000],
    [22_050, 24_000],
    [44_056, 24_000],
  ] as const) {
    const out = resamplePcm16(tone(440, fromHz, fromHz / 2), fromHz, toHz);
    const ideal = tone(440, toHz, out.length);
    let worst = 0;
    for (let i = 300; i < out.length - 300; i++) worst = Math.max(worst, Math.abs(out[i]! - ideal[i]!));
    expect(worst, `${fromHz} -> ${toHz}`).toBeLessThan(AMPLITUDE * 0.002);
  }
  const same = tone(440, 24_000, 100);
  expect(resamplePcm16(same, 24_000, 24_000)).toBe(same);
  expect(() => resamplePcm16(same, 0, 24_000)).toThrow('resamplePcm16 requires positive integer rates');
  expect(() => resamplePcm16(same, 44_100.5, 24_000)).toThrow('resamplePcm16 requires positive integer rates');
});

test('a constant stays constant and full scale does not wrap around', () => {
  const out = resamplePcm16(new Int16Array(3_000).fill(1_234), 44_100, 24_000);
  for (let i = 200; i < out.length - 200; i++) expect(out[i]).toBe(1_234);
  const square = Int16Array.from({ length: 4_800 }, (_, i) => (Math.floor(i / 24) % 2 ? 32_767 : -32_768));
  const resampled = resamplePcm16(square, 48_000, 16_000);
  // Gibbs overshoot is clipped to the 16-bit range instead of wrapping to the other sign.
  expect(Math.max(...resampled)).toBe(32_767);
  expect(Math.min(...resampled)).toBe(-32_768);
});
