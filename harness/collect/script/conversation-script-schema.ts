/**
 * The scripted conversation as data. A script is a list of entries: turns (say an utterance, then wait for the
 * reply or a fixed gap; optionally barge in on the reply, or reconnect first) and long silences.
 *
 * Turn semantics (run-conversation.ts):
 *  - silenceBeforeMs: mic silence before speaking;
 *  - then 'wait-reply': wait for the reply to finish (response-done after this turn's speech), up to replyTimeoutMs;
 *    then {gapMs}: wait that long after speaking, whatever the app does;
 *  - bargeInAfterMs: wait for the reply's first audio, then that long, then go straight to the next turn, whose
 *    utterance interrupts the reply (a planned interruption);
 *  - reconnect: call window.voiceApp.reconnect() before speaking (skipped with a note when the app has none).
 * cycles: how many conversations the run holds (start, talk, hang up, start again; conversation-cycles.ts).
 * Estimates (assumedReplyMs, assumedUtteranceMs) are only used to scale the script to a duration and to lay out the
 * device-mode WAV, where the harness cannot react to the app.
 */
import { z } from 'zod';
import { MAX_CYCLES } from '../../config/max-cycles.ts';

const ms = z.number().finite().nonnegative();

export const scriptTurnSchema = z.strictObject({
  kind: z.literal('turn'),
  utterance: z.string().min(1),
  then: z.union([z.literal('wait-reply'), z.strictObject({ gapMs: ms })]),
  bargeInAfterMs: ms.optional(),
  silenceBeforeMs: ms.optional(),
  reconnect: z.literal(true).optional(),
  /** Overrides the script's replyTimeoutMs for this turn. */
  replyTimeoutMs: z.number().finite().positive().optional(),
});

export const longSilenceSchema = z.strictObject({
  kind: z.literal('long-silence'),
  durationMs: z.number().finite().positive(),
});

/** Entries without a `kind` are turns. */
export const scriptEntrySchema = z.preprocess(
  (value) => (value && typeof value === 'object' && !Array.isArray(value) && !('kind' in value) ? { kind: 'turn', ...value } : value),
  z.discriminatedUnion('kind', [scriptTurnSchema, longSilenceSchema]),
);

export const conversationScriptSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  /** How long to wait for a reply before giving up on the turn, ms. */
  replyTimeoutMs: z.number().finite().positive().default(20_000),
  /** Estimated reply length for scaling and device-mode layout, ms. */
  assumedReplyMs: ms.default(8_000),
  entries: z.array(scriptEntrySchema).min(1),
  /**
   * Conversations per run: the harness hangs up (the app's stop control, or a reload) and starts again this many
   * times minus one, at even shares of the run; SOAK_CYCLES overrides it (conversation-cycles.ts).
   */
  cycles: z.number().int().min(1).max(MAX_CYCLES).optional(),
});

export type ScriptTurn = z.infer<typeof scriptTurnSchema>;
export type LongSilence = z.infer<typeof longSilenceSchema>;
export type ScriptEntry = z.infer<typeof scriptEntrySchema>;
export type ConversationScript = z.infer<typeof conversationScriptSchema>;
export type ConversationScriptInput = z.input<typeof conversationScriptSchema>;
