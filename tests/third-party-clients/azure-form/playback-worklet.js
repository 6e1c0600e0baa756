// AudioWorklet (context at 24 kHz): plays queued pcm16 chunks in order; 'clear' drops everything queued.
class PlaybackProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.queue = [];
    this.offset = 0;
    this.port.onmessage = (message) => {
      if (message.data === 'clear') {
        this.queue = [];
        this.offset = 0;
      } else {
        this.queue.push(new Int16Array(message.data));
      }
    };
  }

  process(inputs, outputs) {
    const out = outputs[0][0];
    let written = 0;
    while (written < out.length && this.queue.length) {
      const chunk = this.queue[0];
      const n = Math.min(out.length - written, chunk.length - this.offset);
      for (let i = 0; i < n; i++) out[written + i] = chunk[this.offset + i] / 0x8000;
      written += n;
      this.offset += n;
      if (this.offset === chunk.length) {
        this.queue.shift();
        this.offset = 0;
      }
    }
    out.fill(0, written);
    return true;
  }
}

registerProcessor('playback-processor', PlaybackProcessor);
