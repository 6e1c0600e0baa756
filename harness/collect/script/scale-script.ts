/**
 * Fit a script to a run duration (SOAK_DURATION): walk the entries in order, repeating the list when it runs out,
 * and keep each entry whose estimated length still fits; entries that do not fit are skipped (a 30 s run drops
 * long silences but keeps turns). At least MIN_TURNS turns are always kept, and a barge-in turn is never the last
 * turn (nothing would interrupt its reply): it is dropped, or made a plain turn when only MIN_TURNS remain.
 */
import type { ConversationScript, ScriptEntry } from './conversation-script-schema.ts';
import { estimateEntryMs, type UtteranceMsOf } from '../mic/estimate-entry-ms.ts';

export const MIN_TURNS = 2;

export function scaleScript(script: ConversationScript, durationMs: number, utteranceMs?: UtteranceMsOf): ConversationScript {
  if (!(durationMs > 0)) throw new Error(`scaleScript requires a positive durationMs (got ${durationMs})`);
  const turns = script.entries.filter((entry) => entry.kind === 'turn');
  if (turns.length === 0) throw new Error(`scaleScript: script "${script.name}" has no turns`);
  const kept: ScriptEntry[] = [];
  let usedMs = 0;
  let misses = 0;
  for (let i = 0; misses < script.entries.length; i++) {
    const entry = script.entries[i % script.entries.length]!;
    const entryMs = estimateEntryMs(entry, script, utteranceMs);
    if (usedMs + entryMs <= durationMs) {
      kept.push(entry);
      usedMs += entryMs;
      misses = 0;
    } else {
      misses++;
    }
  }
  for (let i = 0; kept.filter((entry) => entry.kind === 'turn').length < MIN_TURNS; i++) kept.push(turns[i % turns.length]!);
  const last = kept.at(-1);
  if (last?.kind === 'turn' && last.bargeInAfterMs !== undefined) {
    if (kept.filter((entry) => entry.kind === 'turn').length > MIN_TURNS) kept.pop();
    else {
      const { bargeInAfterMs: _dropped, ...plain } = last;
      kept[kept.length - 1] = plain;
    }
  }
  return { ...script, entries: kept };
}
