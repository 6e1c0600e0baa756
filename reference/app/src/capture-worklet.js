// AudioWorklet processor: mono mic input -> 24 kHz pcm16 chunks of `chunkSamples` samples (default 2400 = 100 ms),
// posted to the main thread as transferred ArrayBuffers. Resamples linearly when the context is not at 24 kHz.
// Plain JS: it runs in AudioWorkletGlobalScope and is copied to dist as is by build-app.ts.
const TARGET_RATE_HZ = 24000;

class VoiceSoakCaptureProcessor extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const opts = options?.processorOptions || {};
    this.chunkSamples = opts.chunkSamples || 2400;
    this.step = sampleRate / TARGET_RATE_HZ; // input samples per output sample
    this.position = 0; // fractional read position into the current input block
    this.previous = 0; // last sample of the previous block, for interpolation across blocks
    this.chunk = new Int16Array(this.chunkSamples);
    this.filled = 0;
  }

  push(sample) {
    const s = Math.max(-1, Math.min(1, sample));
    this.chunk[this.filled++] = s < 0 ? s * 32768 : s * 32767;
    if (this.filled === this.chunkSamples) {
      this.port.postMessage(this.chunk.buffer, [this.chunk.buffer]);
      this.chunk = new Int16Array(this.chunkSamples);
      this.filled = 0;
    }
  }

  process(inputs) {
    const channel = inputs[0]?.[0];
    if (!channel) return true;
    if (this.step === 1) {
      for (let i = 0; i < channel.length; i++) this.push(channel[i]);
      return true;
    }
    // position is relative to this block; index -1 means `previous`.
    while (this.position < channel.length - 1) {
      const i = Math.floor(this.position);
      const frac = this.position - i;
      const a = i < 0 ? this.previous : channel[i];
      const b = channel[i + 1];
      this.push(a + (b - a) * frac);
      this.position += this.step;
    }
    this.position -= channel.length;
    this.previous = channel[channel.length - 1];
    return true;
  }
}

registerProcessor('voice-soak-capture', VoiceSoakCaptureProcessor);
