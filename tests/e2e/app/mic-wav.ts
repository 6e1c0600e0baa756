/**
 * Builds a fake-microphone WAV for Chromium's --use-file-for-fake-audio-capture: committed utterances from
 * harness/collect/mic/utterances (24 kHz mono pcm16) with silence between them, written where the test says (its outputPath).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeWav } from '../../../harness/collect/mic/encode-wav.ts';
import { readWav } from '../../../harness/collect/mic/read-wav.ts';

const UTTERANCE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../harness/collect/mic/utterances');
const SAMPLE_RATE_HZ = 24000;

/** An utterance id ("u01") or a silence length in ms. */
export type MicPart = string | number;

function readPcm16Mono24k(path: string): Int16Array {
  const wav = readWav(readFileSync(path), `mic-wav: ${path}`);
  if (wav.sampleRate !== SAMPLE_RATE_HZ) throw new Error(`mic-wav: ${path} must be 24 kHz, got ${wav.sampleRate} Hz`);
  return wav.samples;
}

export function buildMicWav(outPath: string, parts: MicPart[]): string {
  const chunks = parts.map((part) =>
    typeof part === 'number' ? new Int16Array(Math.round((SAMPLE_RATE_HZ * part) / 1000)) : readPcm16Mono24k(join(UTTERANCE_DIR, `${part}.wav`)),
  );
  const samples = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    samples.set(chunk, at);
    at += chunk.length;
  }
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, encodeWav(samples, SAMPLE_RATE_HZ));
  return outPath;
}
