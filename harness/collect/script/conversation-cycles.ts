/**
 * How many conversations (start, talk, hang up) a run holds: SOAK_CYCLES when set, else the script's `cycles`
 * (the default script: 4), else 1. A count from the script is lowered so that each conversation lasts at least
 * MIN_CYCLE_MS, and below MIN_JUDGED_CYCLES (what cycle-leak needs) the run does not cycle at all: a 2-minute run of
 * the default script is one conversation, 3 minutes make 3, 7 minutes 4. SOAK_CYCLES is taken as given. Device mode runs one conversation: Chromium's fake capture device restarts its WAV on every new capture,
 * which would throw the prepared timeline out of step. Pure.
 */
export const MIN_CYCLE_MS = 60_000;
/** cycle-leak judges 3 or more cycles (core/analyze/cycle-leak-rule.ts MIN_CYCLES). */
export const MIN_JUDGED_CYCLES = 3;

export interface ConversationCycles {
  count: number;
  /** Why the count differs from what was asked for, for a harness note. */
  note?: string;
}

export function conversationCycles(input: {
  explicit: number | undefined;
  scriptCycles: number | undefined;
  durationMs: number;
  micMode: 'controllable' | 'device';
}): ConversationCycles {
  const asked = input.explicit ?? input.scriptCycles ?? 1;
  if (asked > 1 && input.micMode === 'device')
    return { count: 1, note: `conversation cycles: ${asked} asked, 1 run (device mic mode replays one WAV timeline; use SOAK_MIC_MODE=controllable to cycle)` };
  if (input.explicit !== undefined || asked === 1) return { count: asked };
  const fitting = Math.min(asked, Math.floor(input.durationMs / MIN_CYCLE_MS));
  const fit = fitting >= MIN_JUDGED_CYCLES ? fitting : 1;
  return fit === asked
    ? { count: asked }
    : {
        count: fit,
        note: `conversation cycles: the script asks for ${asked}, ${fit} fit a ${Math.round(input.durationMs / 1000)} s run (at least ${MIN_CYCLE_MS / 1000} s each; SOAK_CYCLES sets the count)`,
      };
}
