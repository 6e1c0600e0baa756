/**
 * App-side faults `retain-audio:MB_PER_MIN` and `retain-audiobuffers:MB_PER_MIN`: the leaks voice clients really
 * have, decoded reply audio kept forever, as Float32Array chunks (ArrayBuffer backing stores: outside the JS heap,
 * in Runtime.getHeapUsage().backingStorageSize) or as filled AudioBuffers (backing stores and renderer RSS).
 * Reply chunks the handler decoded are kept while the total is under MB_PER_MIN x minutes since the first start;
 * a 1 s timer tops it up with copies of the latest chunk through silences, so the rate holds whatever the
 * conversation does. The store is module-wide, like a real app's global array: it outlives Stop and Start.
 */
export type RetainedAudioKind = 'float32' | 'audiobuffer';

export interface RetainedAudio {
  offerDecodedAudio(samples: Float32Array): void;
  readonly retainedBytes: number;
}

const BYTES_PER_MB = 1024 * 1024;
const SAMPLE_RATE = 24_000;
const stores = new Map<RetainedAudioKind, RetainedAudio>();

export function retainedAudio(kind: RetainedAudioKind, mbPerMin: number, tickMs = 1000): RetainedAudio {
  const existing = stores.get(kind);
  if (existing) return existing;
  const kept: Array<Float32Array | AudioBuffer> = [];
  const startedMs = performance.now();
  let latest: Float32Array = new Float32Array(2400).map((_, i) => Math.sin(i / 10) * 0.2);
  let retainedBytes = 0;
  const budgetBytes = () => (mbPerMin * BYTES_PER_MB * (performance.now() - startedMs)) / 60_000;
  const keep = (samples: Float32Array) => {
    if (kind === 'float32') kept.push(samples);
    else {
      const buffer = new AudioBuffer({ length: Math.max(1, samples.length), numberOfChannels: 1, sampleRate: SAMPLE_RATE });
      // Filled the way apps fill them, through getChannelData(): that allocates the channel's Float32Array now (an
      // ArrayBuffer backing store; measured: copyToChannel alone kept it in Blink's own storage, out of sight of
      // Runtime.getHeapUsage, and unfilled buffers are allocated lazily and show nowhere).
      buffer.getChannelData(0).set(samples);
      kept.push(buffer);
    }
    retainedBytes += samples.length * 4;
  };
  setInterval(() => {
    while (retainedBytes + latest.length * 4 <= budgetBytes()) keep(latest.slice());
  }, tickMs);
  const store: RetainedAudio = {
    offerDecodedAudio(samples) {
      if (samples.length === 0) return;
      latest = samples;
      if (retainedBytes < budgetBytes()) keep(samples);
    },
    get retainedBytes() {
      return retainedBytes;
    },
  };
  stores.set(kind, store);
  return store;
}
