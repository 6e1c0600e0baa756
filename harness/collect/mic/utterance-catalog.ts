/**
 * The fake microphone's utterances, all as 24 kHz mono pcm16: the committed set (utterances.json + WAVs beside it),
 * or a folder of the user's own WAVs (SOAK_MIC_DIR; ids are the file names without `.wav`, texts from an
 * utterances.json there when present).
 */
import { readFile, readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readWav } from './read-wav.ts';
import { resamplePcm16 } from './resample-pcm16.ts';

export const MIC_SAMPLE_RATE = 24_000;
export const DEFAULT_UTTERANCE_DIR = fileURLToPath(new URL('./utterances/', import.meta.url));

export interface Utterance {
  id: string;
  text?: string;
  path: string;
  samples: Int16Array;
  durationMs: number;
}

export interface UtteranceCatalog {
  dir: string;
  /** True for the user's own folder: script ids that are missing there are mapped by number (see pickUtterance). */
  custom: boolean;
  utterances: Map<string, Utterance>;
}

export async function loadUtteranceCatalog(dir?: string): Promise<UtteranceCatalog> {
  const root = resolve(dir ?? DEFAULT_UTTERANCE_DIR);
  let names: string[];
  try {
    names = (await readdir(root)).filter((name) => name.toLowerCase().endsWith('.wav')).sort();
  } catch {
    throw new Error(`mic: utterance folder ${root} cannot be read (SOAK_MIC_DIR)`);
  }
  if (names.length === 0) throw new Error(`mic: utterance folder ${root} holds no .wav files (SOAK_MIC_DIR)`);
  const texts = await readTexts(join(root, 'utterances.json'));
  const utterances = new Map<string, Utterance>();
  for (const name of names) {
    const path = join(root, name);
    const wav = readWav(await readFile(path), path);
    const samples = resamplePcm16(wav.samples, wav.sampleRate, MIC_SAMPLE_RATE);
    const id = basename(name, name.slice(-4));
    utterances.set(id, { id, text: texts.get(id), path, samples, durationMs: (samples.length / MIC_SAMPLE_RATE) * 1000 });
  }
  return { dir: root, custom: dir !== undefined && root !== resolve(DEFAULT_UTTERANCE_DIR), utterances };
}

async function readTexts(path: string): Promise<Map<string, string>> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    return new Map();
  }
  let entries: unknown;
  try {
    entries = JSON.parse(raw);
  } catch (error) {
    throw new Error(`mic: ${path} is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(entries)) throw new Error(`mic: ${path} must be an array of {id, text}`);
  const texts = new Map<string, string>();
  entries.forEach((entry, index) => {
    if (typeof entry?.id !== 'string' || typeof entry?.text !== 'string') {
      throw new Error(`mic: ${path} [${index}] must be {"id": string, "text": string}`);
    }
    texts.set(entry.id, entry.text);
  });
  return texts;
}
