import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { encodeWav } from '../../../harness/collect/mic/encode-wav.ts';
import { readWav } from '../../../harness/collect/mic/read-wav.ts';
import { DEFAULT_UTTERANCE_DIR, loadUtteranceCatalog } from '../../../harness/collect/mic/utterance-catalog.ts';
import { pickUtterance } from '../../../harness/collect/mic/pick-utterance.ts';

test('pcm16 mono round-trips through encodeWav/readWav', () => {
  const samples = Int16Array.from([0, 1, -1, 32767, -32768, 1234, -4321]);
  const wav = encodeWav(samples, 24_000);
  expect(wav.byteLength).toBe(44 + samples.length * 2);
  const back = readWav(wav);
  expect(back.sampleRate).toBe(24_000);
  expect([...back.samples]).toEqual([...samples]);
});

test('stereo float32 is averaged to mono pcm16; unsupported formats name the source', () => {
  const frames = [
    [0.5, 0.5],
    [-1, 0],
    [0.25, -0.25],
  ];
  const bytes = new Uint8Array(44 + frames.length * 8);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, s: string) => {
    for (const [i, c] of [...s].entries()) bytes[at + i] = c.charCodeAt(0);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 3, true);
  view.setUint16(22, 2, true);
  view.setUint32(24, 48_000, true);
  view.setUint32(28, 48_000 * 8, true);
  view.setUint16(32, 8, true);
  view.setUint16(34, 32, true);
  ascii(36, 'data');
  view.setUint32(40, frames.length * 8, true);
  frames.forEach(([l, r], i) => {
    view.setFloat32(44 + i * 8, l!, true);
    view.setFloat32(48 + i * 8, r!, true);
  });
  const mono = readWav(bytes, 'stereo.wav');
  expect(mono.sampleRate).toBe(48_000);
  expect([...mono.samples]).toEqual([16384, -16384, 0]);
  view.setUint16(20, 2, true); // ADPCM
  expect(() => readWav(bytes, 'adpcm.wav')).toThrow(/adpcm\.wav: unsupported WAV format 2/);
  expect(() => readWav(new Uint8Array(20), 'junk.wav')).toThrow('junk.wav: not a RIFF/WAVE file');
});

test('the committed catalog has 20 spoken utterances at 24 kHz with texts', async () => {
  const catalog = await loadUtteranceCatalog();
  expect(catalog.utterances.size).toBe(20);
  const u18 = catalog.utterances.get('u18')!;
  expect(u18.text).toMatch(/vaccines/);
  expect(u18.durationMs).toBeGreaterThan(4000);
  expect(readWav(await readFile(u18.path)).sampleRate).toBe(24_000);
  const peak = u18.samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0);
  expect(peak).toBeGreaterThan(10_000); // real speech, normalized to -3 dB
  expect(catalog.custom).toBe(false);
  expect(() => pickUtterance(catalog, 'u99')).toThrow(/"u99" is not in/);
});

test('a user folder maps missing script ids by number', async () => {
  const catalog = await loadUtteranceCatalog(DEFAULT_UTTERANCE_DIR);
  const custom = { ...catalog, custom: true, utterances: new Map([...catalog.utterances].slice(0, 3).map(([, u], i) => [`mine-${i}`, u])) };
  expect(pickUtterance(custom, 'u05').id).toBe('u02'); // 5th wraps to the 2nd of 3
  await expect(loadUtteranceCatalog('/nonexistent/dir')).rejects.toThrow('cannot be read (SOAK_MIC_DIR)');
});
