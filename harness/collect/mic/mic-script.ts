/**
 * The parts of a conversation script that the mic reads to lay out device mode, as plain types. The zod schema
 * (collect/script/conversation-script-schema.ts) produces values of these shapes; declaring them here keeps mic
 * free of imports from script, which builds on mic.
 */
export interface MicScriptTurn {
  kind: 'turn';
  utterance: string;
  then: 'wait-reply' | { gapMs: number };
  bargeInAfterMs?: number | undefined;
  silenceBeforeMs?: number | undefined;
}

export interface MicScriptSilence {
  kind: 'long-silence';
  durationMs: number;
}

export type MicScriptEntry = MicScriptTurn | MicScriptSilence;

export interface MicScript {
  /** Estimated reply length, ms. */
  assumedReplyMs: number;
  entries: readonly MicScriptEntry[];
}
