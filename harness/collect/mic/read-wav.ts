/**
 * Parse a RIFF/WAVE file into mono 16-bit samples. Accepts integer PCM (8/16/24/32 bit) and 32-bit float,
 * any channel count (averaged to mono). Errors name the file and what was wrong with it.
 */
export interface Pcm16Audio {
  sampleRate: number;
  samples: Int16Array;
}

export function readWav(bytes: Uint8Array, source = 'WAV data'): Pcm16Audio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error(`${source}: not a RIFF/WAVE file`);
  let format: { audioFormat: number; channels: number; sampleRate: number; bitsPerSample: number } | null = null;
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const id = tag(offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      let audioFormat = view.getUint16(body, true);
      if (audioFormat === 0xfffe && size >= 26) audioFormat = view.getUint16(body + 24, true); // WAVE_FORMAT_EXTENSIBLE
      format = {
        audioFormat,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!format) throw new Error(`${source}: "data" chunk before "fmt " chunk`);
      const end = Math.min(body + size, bytes.byteLength);
      return { sampleRate: format.sampleRate, samples: decode(view, body, end, format, source) };
    }
    offset = body + size + (size % 2);
  }
  throw new Error(`${source}: no "data" chunk`);
}

function decode(
  view: DataView,
  start: number,
  end: number,
  format: { audioFormat: number; channels: number; bitsPerSample: number },
  source: string,
): Int16Array {
  const { audioFormat, channels, bitsPerSample } = format;
  const bytesPerSample = bitsPerSample / 8;
  const readers: Record<string, (at: number) => number> = {
    '1/8': (at) => (view.getUint8(at) - 128) / 128,
    '1/16': (at) => view.getInt16(at, true) / 32768,
    '1/24': (at) => (view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608,
    '1/32': (at) => view.getInt32(at, true) / 2147483648,
    '3/32': (at) => view.getFloat32(at, true),
  };
  const read = readers[`${audioFormat}/${bitsPerSample}`];
  if (!read || channels < 1) {
    throw new Error(`${source}: unsupported WAV format ${audioFormat} with ${bitsPerSample} bits x ${channels} channels (use PCM 16-bit)`);
  }
  const frameBytes = bytesPerSample * channels;
  const frames = Math.floor((end - start) / frameBytes);
  const out = new Int16Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += read(start + i * frameBytes + c * bytesPerSample);
    const value = Math.round((sum / channels) * 32768);
    out[i] = Math.max(-32768, Math.min(32767, value));
  }
  return out;
}
