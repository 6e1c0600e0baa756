/**
 * Band-limited resampling of mono 16-bit audio: a Kaiser-windowed sinc low-pass evaluated polyphase at the exact
 * rational phases of toRate/fromRate. The cut-off sits below the lower of the two Nyquist frequencies, so
 * downsampling does not fold the band above the new Nyquist back into speech (what linear interpolation did, and
 * what a speech recognizer hears), and upsampling does not leave images.
 * Passband flat to 0.85 x that Nyquist (within 0.1 dB), stopband from the Nyquist down 80 dB or more.
 */
const PASSBAND_EDGE = 0.85;
const STOPBAND_ATTENUATION_DB = 80;
/** Rates whose ratio needs more phases than this (odd rates, gcd near 1) round to the nearest of this many. */
const MAX_PHASES = 4096;

export function resamplePcm16(samples: Int16Array, fromRate: number, toRate: number): Int16Array {
  if (!(fromRate > 0) || !(toRate > 0) || !Number.isInteger(fromRate) || !Number.isInteger(toRate)) {
    throw new Error(`resamplePcm16 requires positive integer rates (got ${fromRate} -> ${toRate})`);
  }
  if (fromRate === toRate || samples.length === 0) return samples;
  const divisor = gcd(fromRate, toRate);
  const up = toRate / divisor; // output samples per `down` input samples
  const down = fromRate / divisor;
  const phases = Math.min(up, MAX_PHASES);
  const filter = designFilter(fromRate, toRate, phases);
  const length = Math.max(1, Math.round((samples.length * toRate) / fromRate));
  const out = new Int16Array(length);
  const { halfTaps, taps } = filter;
  for (let j = 0; j < length; j++) {
    // Output j sits at input position j * down / up = base + phase / up.
    const position = j * down;
    let base = Math.floor(position / up);
    let phase = Math.round(((position - base * up) * phases) / up);
    if (phase === phases) {
      base++;
      phase = 0;
    }
    const row = filter.rows[phase]!;
    const first = base - halfTaps + 1;
    let sum = 0;
    for (let k = 0; k < taps; k++) {
      const at = first + k;
      if (at >= 0 && at < samples.length) sum += samples[at]! * row[k]!;
    }
    out[j] = Math.max(-32768, Math.min(32767, Math.round(sum)));
  }
  return out;
}

interface PolyphaseFilter {
  /** rows[p][k]: weight of input base - halfTaps + 1 + k for an output at base + p / phases. */
  rows: Float64Array[];
  halfTaps: number;
  taps: number;
}

function designFilter(fromRate: number, toRate: number, phases: number): PolyphaseFilter {
  const nyquistHz = Math.min(fromRate, toRate) / 2;
  // In cycles per input sample: pass to 0.85 Nyquist, stop from the Nyquist, cut-off halfway.
  const transition = ((1 - PASSBAND_EDGE) * nyquistHz) / fromRate;
  const cutoff = (((1 + PASSBAND_EDGE) / 2) * nyquistHz) / fromRate;
  const beta = 0.1102 * (STOPBAND_ATTENUATION_DB - 8.7);
  // Kaiser's estimate of the length for this attenuation and transition width.
  const halfTaps = Math.ceil((STOPBAND_ATTENUATION_DB - 8) / (2.285 * 2 * Math.PI * transition) / 2) + 1;
  const taps = 2 * halfTaps;
  const halfWidth = halfTaps; // the window reaches zero at the row's outer taps
  const i0Beta = besselI0(beta);
  const rows: Float64Array[] = [];
  for (let p = 0; p < phases; p++) {
    const frac = p / phases;
    const row = new Float64Array(taps);
    let sum = 0;
    for (let k = 0; k < taps; k++) {
      const t = k - halfTaps + 1 - frac; // distance from the output position, input samples
      const ratio = t / halfWidth;
      const window = Math.abs(ratio) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - ratio * ratio)) / i0Beta;
      const x = 2 * cutoff * t;
      row[k] = 2 * cutoff * (x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x)) * window;
      sum += row[k]!;
    }
    // Unit gain at DC in every phase, so a constant stays constant (no phase-dependent ripple).
    for (let k = 0; k < taps; k++) row[k] = row[k]! / sum;
    rows.push(row);
  }
  return { rows, halfTaps, taps };
}

/** Modified Bessel function of the first kind, order 0 (power series; converges fast for the betas used here). */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const quarterSquare = (x * x) / 4;
  for (let k = 1; k < 50; k++) {
    term *= quarterSquare / (k * k);
    sum += term;
    if (term < sum * 1e-16) break;
  }
  return sum;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
