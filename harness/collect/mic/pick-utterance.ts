/**
 * The utterance a script id names. Exact ids first; in a user's own folder (SOAK_MIC_DIR) an id that is not
 * there is mapped by its number (u07 -> the 7th file, wrapping), so the default script runs with any folder.
 */
import type { Utterance, UtteranceCatalog } from './utterance-catalog.ts';

export function pickUtterance(catalog: UtteranceCatalog, id: string): Utterance {
  const exact = catalog.utterances.get(id);
  if (exact) return exact;
  const all = [...catalog.utterances.values()];
  const number = Number(/(\d+)$/.exec(id)?.[1]);
  if (catalog.custom && all.length > 0 && Number.isFinite(number)) return all[(Math.max(1, number) - 1) % all.length]!;
  throw new Error(`mic: utterance "${id}" is not in ${catalog.dir} (have: ${[...catalog.utterances.keys()].join(', ')})`);
}
