/**
 * What a reply says and when: words with syllables on a timeline. Deterministic from the PRNG it is given
 * (seeded per connection + turn), so the same seed and turn always give the same reply. Length per turn is
 * 1.5 s .. 12 s (skewed towards short replies), times `replyScale` (tests use small scales).
 */
import type { Random } from '../../../harness/synth/seeded-random.ts';

export type Vowel = 'a' | 'e' | 'i' | 'o' | 'u' | 'ae';
export interface Syllable {
  startMs: number;
  durationMs: number;
  vowel: Vowel;
  accent: number;
  fricativeOnset: boolean;
}
export interface PlannedWord {
  text: string;
  startMs: number;
  endMs: number;
  loudness: number;
  syllables: Syllable[];
}
export interface ReplyPlan {
  words: PlannedWord[];
  text: string;
  durationMs: number;
  baseF0Hz: number;
}

const vocabulary = (
  'sure here is what I think about that the short answer is yes but it depends on a few things first ' +
  'you would want to check the details then compare the options and pick the one that fits best ' +
  'in most cases people find this works well although there are some exceptions worth knowing about ' +
  'for example the weather can change quickly so plan ahead and keep it simple let me know if you ' +
  'would like more information or a different explanation of the idea'
).split(' ');
const vowels: Vowel[] = ['a', 'e', 'i', 'o', 'u', 'ae'];

export function targetReplyMs(random: Random, replyScale: number): number {
  return Math.round((1500 + 10_500 * random() ** 1.7) * replyScale);
}

export function planReply(random: Random, replyScale = 1): ReplyPlan {
  const targetMs = targetReplyMs(random, replyScale);
  const words: PlannedWord[] = [];
  let tMs = 80;
  let sentenceWords = 0;
  let cursor = Math.floor(random() * vocabulary.length);
  while (tMs < targetMs || words.length === 0) {
    const raw = vocabulary[cursor % vocabulary.length] ?? 'and';
    cursor += 1 + Math.floor(random() * 3);
    const syllableCount = Math.max(1, Math.min(4, Math.round(raw.length / 3)));
    const syllables: Syllable[] = [];
    const startMs = tMs;
    for (let s = 0; s < syllableCount; s++) {
      const durationMs = 140 + random() * 120;
      syllables.push({
        startMs: tMs,
        durationMs,
        vowel: vowels[Math.floor(random() * vowels.length)] ?? 'a',
        accent: s === 0 ? 1 : random() * 0.5,
        fricativeOnset: random() < 0.45,
      });
      tMs += durationMs + random() * 20;
    }
    sentenceWords += 1;
    const endsSentence = sentenceWords >= 5 && (random() < 0.25 || tMs >= targetMs);
    const comma = !endsSentence && sentenceWords >= 3 && random() < 0.12;
    const first = words.length === 0 || words.at(-1)?.text.endsWith('.');
    const text = (first ? capitalize(raw) : raw) + (endsSentence || tMs >= targetMs ? '.' : comma ? ',' : '');
    words.push({ text, startMs, endMs: tMs, loudness: 0.55 + random() * 0.45, syllables });
    if (endsSentence) sentenceWords = 0;
    tMs += endsSentence ? 380 + random() * 200 : comma ? 220 : 50 + random() * 90;
  }
  const durationMs = Math.round(tMs + 60);
  return { words, text: words.map((w) => w.text).join(' '), durationMs, baseF0Hz: 105 + random() * 60 };
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
