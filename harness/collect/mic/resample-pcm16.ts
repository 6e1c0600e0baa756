/**
 * Resample mono 16-bit audio by linear interpolation (speech into a VAD/ASR: good enough, no dependency).
 * Returns the input unchanged when the rates match.
 */
export function resamplePcm16(samples: Int16Array, fromRate: number, toRate: number): Int16Array {
  if (!(fromRate > 0) || !(toRate > 0)) throw new Error(`resamplePcm16 requires positive rates (got ${fromRate} -> ${toRate})`);
  if (fromRate === toRate || samples.length === 0) return samples;
  const length = Math.max(1, Math.round((samples.length * toRate) / fromRate));
  const out = new Int16Array(length);
  const step = fromRate / toRate;
  for (let i = 0; i < length; i++) {
    const position = i * step;
    const left = Math.floor(position);
    const right = Math.min(left + 1, samples.length - 1);
    const fraction = position - left;
    const a = samples[Math.min(left, samples.length - 1)]!;
    out[i] = Math.round(a + (samples[right]! - a) * fraction);
  }
  return out;
}
