// Recorder and Player on one 24 kHz AudioContext, both AudioWorklet based.
export const SAMPLE_RATE = 24000;

export class Recorder {
  constructor(context, onChunk) {
    this.context = context;
    this.onChunk = onChunk; // called with ~100 ms of pcm16 (at least 4800 bytes)
    this.pending = [];
    this.pendingBytes = 0;
  }

  async start() {
    await this.context.audioWorklet.addModule('recorder-worklet.js');
    this.stream = await navigator.mediaDevices.getUserMedia({ audio: { sampleRate: SAMPLE_RATE, channelCount: 1 } });
    this.source = this.context.createMediaStreamSource(this.stream);
    this.node = new AudioWorkletNode(this.context, 'recorder-processor');
    this.node.port.onmessage = (message) => this.collect(new Uint8Array(message.data));
    this.source.connect(this.node);
  }

  collect(bytes) {
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes < SAMPLE_RATE / 5) return; // 100 ms = 2400 samples = 4800 bytes
    const chunk = new Uint8Array(this.pendingBytes);
    let at = 0;
    for (const part of this.pending) {
      chunk.set(part, at);
      at += part.length;
    }
    this.pending = [];
    this.pendingBytes = 0;
    this.onChunk(chunk);
  }

  stop() {
    if (this.node) {
      this.node.port.onmessage = null;
      this.node.disconnect();
    }
    if (this.source) this.source.disconnect();
    if (this.stream) this.stream.getTracks().forEach((track) => track.stop());
    this.node = this.source = this.stream = null;
  }
}

export class Player {
  constructor(context) {
    this.context = context;
  }

  async init() {
    await this.context.audioWorklet.addModule('playback-worklet.js');
    this.node = new AudioWorkletNode(this.context, 'playback-processor');
    this.node.connect(this.context.destination);
  }

  play(pcm16Bytes) {
    if (this.node) this.node.port.postMessage(pcm16Bytes.buffer, [pcm16Bytes.buffer]);
  }

  clear() {
    if (this.node) this.node.port.postMessage('clear');
  }
}
