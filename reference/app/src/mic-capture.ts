/**
 * Microphone -> AudioWorklet -> 24 kHz pcm16 chunks (about every 100 ms). Raw constraints so that a fake or real
 * mic delivers its samples unprocessed (AGC and noise suppression distort levels and confuse server VAD).
 */
export interface MicCapture {
  stop(): void;
}

export const MIC_CONSTRAINTS: MediaTrackConstraints = {
  echoCancellation: false,
  noiseSuppression: false,
  autoGainControl: false,
  channelCount: 1,
};

export async function startMicCapture(audioContext: AudioContext, workletUrl: string, onChunk: (pcm: Int16Array) => void, chunkMs = 100): Promise<MicCapture> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: MIC_CONSTRAINTS });
  try {
    await audioContext.audioWorklet.addModule(workletUrl);
  } catch (error) {
    for (const track of stream.getTracks()) track.stop();
    throw error;
  }
  const source = audioContext.createMediaStreamSource(stream);
  const node = new AudioWorkletNode(audioContext, 'voice-soak-capture', {
    numberOfInputs: 1,
    numberOfOutputs: 0,
    channelCount: 1,
    channelCountMode: 'explicit',
    processorOptions: { chunkSamples: Math.round((24000 * chunkMs) / 1000) },
  });
  node.port.onmessage = (event: MessageEvent<ArrayBuffer>) => onChunk(new Int16Array(event.data));
  source.connect(node);
  return {
    stop() {
      node.port.onmessage = null;
      source.disconnect();
      node.disconnect();
      for (const track of stream.getTracks()) track.stop();
    },
  };
}
