/**
 * session.update: validates the update in the connection's dialect and merges it into the session.
 * Only fields present are changed; turn_detection merges field by field over the current (or default) settings,
 * and `null` switches server VAD off (manual commit mode). Throws RealtimeError naming the bad `session.*` param.
 */
import { betaSessionUpdateSchema, gaSessionUpdateSchema } from './session-update-schemas.ts';
import type { TurnDetectionUpdate } from './session-update-schemas.ts';
import { defaultTurnDetection } from './session-config.ts';
import type { Dialect, SessionConfig, TurnDetection } from './session-config.ts';
import { zodIssueToError } from './zod-issue-to-error.ts';

export function applySessionUpdate(session: SessionConfig, update: unknown, dialect: Dialect): SessionConfig {
  const next: SessionConfig = { ...session };
  if (dialect === 'beta') {
    const parsed = betaSessionUpdateSchema.safeParse(update, { reportInput: true });
    if (!parsed.success) throw zodIssueToError(parsed.error.issues, 'session');
    const u = parsed.data;
    if (u.modalities) next.audioOutput = u.modalities.includes('audio');
    if (u.instructions !== undefined) next.instructions = u.instructions;
    if (u.voice !== undefined) next.voice = u.voice;
    if (u.input_audio_transcription !== undefined) next.transcription = u.input_audio_transcription;
    if (u.input_audio_noise_reduction !== undefined) next.noiseReduction = u.input_audio_noise_reduction;
    if (u.turn_detection !== undefined) next.turnDetection = mergeTurnDetection(session.turnDetection, u.turn_detection);
    if (u.temperature !== undefined) next.temperature = u.temperature;
    if (u.max_response_output_tokens !== undefined) next.maxOutputTokens = u.max_response_output_tokens;
    if (u.speed !== undefined) next.speed = u.speed;
    copyCommon(next, u);
    return next;
  }
  const parsed = gaSessionUpdateSchema.safeParse(update, { reportInput: true });
  if (!parsed.success) throw zodIssueToError(parsed.error.issues, 'session');
  const u = parsed.data;
  if (u.output_modalities) next.audioOutput = u.output_modalities.includes('audio');
  if (u.instructions !== undefined) next.instructions = u.instructions;
  const input = u.audio?.input;
  const output = u.audio?.output;
  if (input?.transcription !== undefined) next.transcription = input.transcription;
  if (input?.noise_reduction !== undefined) next.noiseReduction = input.noise_reduction;
  if (input?.turn_detection !== undefined) next.turnDetection = mergeTurnDetection(session.turnDetection, input.turn_detection);
  if (output?.voice !== undefined) next.voice = output.voice;
  if (output?.speed !== undefined) next.speed = output.speed;
  if (u.max_output_tokens !== undefined) next.maxOutputTokens = u.max_output_tokens;
  copyCommon(next, u);
  return next;
}

function copyCommon(next: SessionConfig, u: { model?: string; tools?: unknown[]; tool_choice?: unknown; tracing?: unknown }): void {
  if (u.model !== undefined) next.model = u.model;
  if (u.tools !== undefined) next.tools = u.tools;
  if (u.tool_choice !== undefined) next.toolChoice = u.tool_choice;
  if (u.tracing !== undefined) next.tracing = u.tracing;
}

function mergeTurnDetection(current: TurnDetection | null, update: TurnDetectionUpdate): TurnDetection | null {
  if (update === null) return null;
  const merged = { ...(current ?? defaultTurnDetection) };
  for (const [key, value] of Object.entries(update)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
