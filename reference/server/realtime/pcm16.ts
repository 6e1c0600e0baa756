/** pcm16 (little-endian, mono, 24 kHz in this server) <-> base64 and sample arithmetic. */
export const SAMPLE_RATE_HZ = 24_000;

export function decodePcm16Base64(audioBase64: string): Int16Array {
  const bytes = Buffer.from(audioBase64, 'base64');
  const samples = new Int16Array(bytes.length >> 1);
  for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2);
  return samples;
}

/** Little-endian pcm16 bytes to samples, whatever the bytes' offset in their buffer (ws and Node hand out odd offsets). */
export function pcm16FromBytes(bytes: Uint8Array): Int16Array {
  const samples = new Int16Array(bytes.byteLength >> 1);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(i * 2, true);
  return samples;
}

export function encodePcm16Base64(samples: Int16Array): string {
  const bytes = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) bytes.writeInt16LE(samples[i] ?? 0, i * 2);
  return bytes.toString('base64');
}

export function samplesToMs(sampleCount: number): number {
  return Math.round((sampleCount * 1000) / SAMPLE_RATE_HZ);
}

/** Root mean square of a frame, as a fraction of full scale (0..1). */
export function frameRms(samples: Int16Array, start: number, end: number): number {
  let sumSquares = 0;
  for (let i = start; i < end; i++) {
    const x = (samples[i] ?? 0) / 32768;
    sumSquares += x * x;
  }
  return end > start ? Math.sqrt(sumSquares / (end - start)) : 0;
}
