// AudioWorklet: mic samples at the context's rate -> 24 kHz (linear interpolation) -> pcm16 chunks of exactly
// 4096 samples (8192 bytes), posted to the main thread as ArrayBuffers.
const TARGET_RATE = 24000;
const CHUNK_SAMPLES = 4096;

class Pcm16CaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.step = sampleRate / TARGET_RATE; // input samples per output sample
    this.position = 0; // read position in the current block; -1 is the last sample of the previous block
    this.previous = 0;
    this.chunk = new Int16Array(CHUNK_SAMPLES);
    this.filled = 0;
    this.stopped = false;
    this.port.onmessage = (message) => {
      if (message.data === 'stop') this.stopped = true;
    };
  }

  push(sample) {
    const s = Math.max(-1, Math.min(1, sample));
    this.chunk[this.filled++] = s < 0 ? s * 0x8000 : s * 0x7fff;
    if (this.filled === CHUNK_SAMPLES) {
      this.port.postMessage(this.chunk.buffer, [this.chunk.buffer]);
      this.chunk = new Int16Array(CHUNK_SAMPLES);
      this.filled = 0;
    }
  }

  process(inputs) {
    if (this.stopped) return false;
    const input = inputs[0] && inputs[0][0];
    if (!input) return true;
    const last = input.length - 1;
    while (this.position <= last) {
      const i = Math.floor(this.position);
      const frac = this.position - i;
      const a = i < 0 ? this.previous : input[i];
      const b = frac > 0 ? input[i + 1] : a;
      this.push(a + (b - a) * frac);
      this.position += this.step;
    }
    this.position -= input.length;
    this.previous = input[last];
    return true;
  }
}

registerProcessor('pcm16-capture', Pcm16CaptureProcessor);
