/**
 * Builds a fake-microphone WAV for Chromium's --use-file-for-fake-audio-capture: committed utterances from
 * harness/collect/mic/utterances (24 kHz mono pcm16) with silence between them, written where the test says (its outputPath).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const UTTERANCE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../harness/collect/mic/utterances');
const SAMPLE_RATE_HZ = 24000;

/** An utterance id ("u01") or a silence length in ms. */
export type MicPart = string | number;

function readPcm16Mono24k(path: string): Buffer {
  const wav = readFileSync(path);
  if (wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') throw new Error(`mic-wav: ${path} is not a RIFF/WAVE file`);
  let offset = 12;
  let format: { channels: number; rateHz: number; bits: number } | null = null;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'fmt ') format = { channels: wav.readUInt16LE(offset + 10), rateHz: wav.readUInt32LE(offset + 12), bits: wav.readUInt16LE(offset + 22) };
    if (id === 'data') {
      if (!format || format.channels !== 1 || format.rateHz !== SAMPLE_RATE_HZ || format.bits !== 16) {
        throw new Error(`mic-wav: ${path} must be 24 kHz mono 16-bit PCM, got ${JSON.stringify(format)}`);
      }
      return wav.subarray(offset + 8, offset + 8 + size);
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error(`mic-wav: ${path} has no data chunk`);
}

export function buildMicWav(outPath: string, parts: MicPart[]): string {
  const chunks = parts.map((part) =>
    typeof part === 'number'
      ? Buffer.alloc(Math.round((SAMPLE_RATE_HZ * part) / 1000) * 2)
      : readPcm16Mono24k(join(UTTERANCE_DIR, `${part}.wav`)),
  );
  const data = Buffer.concat(chunks);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE_HZ, 24);
  header.writeUInt32LE(SAMPLE_RATE_HZ * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, Buffer.concat([header, data]));
  return outPath;
}
