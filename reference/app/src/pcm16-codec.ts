/** Little-endian pcm16 <-> base64 for the realtime audio events, and decoding to Float32 for playback. */

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const stepBytes = 0x8000;
  for (let i = 0; i < bytes.length; i += stepBytes) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + stepBytes) as unknown as number[]);
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Decodes base64 pcm16 into Float32 samples in [-1, 1). An odd trailing byte is ignored. */
export function base64Pcm16ToFloat32(base64: string): Float32Array {
  const bytes = base64ToBytes(base64);
  const sampleCount = bytes.length >> 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, sampleCount * 2);
  const samples = new Float32Array(sampleCount);
  for (let i = 0; i < sampleCount; i++) samples[i] = view.getInt16(i * 2, true) / 32768;
  return samples;
}

export function pcm16ToBase64(pcm: Int16Array): string {
  return bytesToBase64(new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength));
}
