/**
 * App-side fault `heap-leak:MB_PER_MIN`: retains memory the way real voice clients leak, about MB_PER_MIN
 * (MB = 2^20 bytes) of V8 JS heap per minute, topped up once a second whether or not audio arrives:
 *  - decoded reply audio kept forever: the Float32Array itself (its backing store lives outside the V8 heap and only
 *    shows in Runtime.getHeapUsage().backingStorageSize) plus a plain-array copy of its samples (8 bytes per sample,
 *    on the JS heap, so JSHeapUsedSize and heap-growth audits see it);
 *  - detached DOM nodes: transcript lines removed from the document but still referenced.
 */
export interface HeapLeak {
  /** Offer decoded reply audio as the data to retain (the leak copies the newest chunk). */
  offerDecodedAudio(samples: Float32Array): void;
  stop(): void;
  /** JS-heap bytes retained so far (the plain-array part, the rate's unit). */
  readonly retainedHeapBytes: number;
  readonly detachedNodes: number;
}

const BYTES_PER_MB = 1024 * 1024;
const BYTES_PER_HEAP_SAMPLE = 8;

export function startHeapLeak(mbPerMin: number, tickMs = 1000): HeapLeak {
  const retainedAudio: Float32Array[] = [];
  const retainedSamples: number[][] = [];
  const detachedNodes: HTMLElement[] = [];
  let latestAudio: Float32Array = new Float32Array(2400).map((_, i) => Math.sin(i / 10) * 0.2);
  let retainedHeapBytes = 0;
  const bytesPerTick = (mbPerMin * BYTES_PER_MB * tickMs) / 60_000;

  const tick = () => {
    let samplesLeft = Math.round(bytesPerTick / BYTES_PER_HEAP_SAMPLE);
    while (samplesLeft > 0) {
      const take = Math.min(samplesLeft, latestAudio.length);
      const audio = latestAudio.slice(0, take);
      retainedAudio.push(audio);
      const samples = new Array<number>(take); // preallocated: 8 bytes per sample, no growth slack
      for (let i = 0; i < take; i++) samples[i] = (audio[i] ?? 0) + 0.5; // + 0.5: doubles, not small ints
      retainedSamples.push(samples);
      samplesLeft -= take;
      retainedHeapBytes += take * BYTES_PER_HEAP_SAMPLE;
    }
    const line = document.createElement('div');
    line.className = 'line assistant';
    line.textContent = `Assistant: (leaked line ${detachedNodes.length})`;
    document.body.append(line);
    line.remove();
    detachedNodes.push(line);
  };
  const timer = setInterval(tick, tickMs);

  return {
    offerDecodedAudio(samples) {
      if (samples.length > 0) latestAudio = samples;
    },
    stop() {
      clearInterval(timer);
    },
    get retainedHeapBytes() {
      return retainedHeapBytes;
    },
    get detachedNodes() {
      return detachedNodes.length;
    },
  };
}
