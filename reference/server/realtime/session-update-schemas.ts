/**
 * What a `session.update` may carry, per dialect. Strict objects: an unknown field is answered with
 * unknown_parameter, a wrong type with invalid_type, like the real API. Only pcm16 / audio/pcm at 24 kHz is
 * supported for audio (this server synthesizes and analyzes pcm16 only).
 */
import { z } from 'zod';

const turnDetection = z
  .strictObject({
    type: z.enum(['server_vad', 'semantic_vad']),
    threshold: z.number().min(0).max(1),
    prefix_padding_ms: z.int().min(0).max(10_000),
    silence_duration_ms: z.int().min(0).max(10_000),
    create_response: z.boolean(),
    interrupt_response: z.boolean(),
    eagerness: z.enum(['low', 'medium', 'high', 'auto']),
    idle_timeout_ms: z.int().min(0).nullable(),
  })
  .partial()
  .nullable();

const transcription = z.strictObject({ model: z.string(), language: z.string(), prompt: z.string() }).partial().nullable();

const noiseReduction = z
  .strictObject({ type: z.enum(['near_field', 'far_field']) })
  .partial()
  .nullable();
const tools = z.array(z.looseObject({ type: z.string() }));
const toolChoice = z.union([z.string(), z.looseObject({ type: z.string() })]);
const tracing = z.union([z.literal('auto'), z.looseObject({}), z.null()]);
const maxTokens = z.union([z.int().min(1).max(4096), z.literal('inf')]);

export const betaSessionUpdateSchema = z
  .strictObject({
    type: z.literal('realtime'),
    model: z.string(),
    modalities: z.array(z.enum(['text', 'audio'])).min(1),
    instructions: z.string(),
    voice: z.string(),
    input_audio_format: z.literal('pcm16'),
    output_audio_format: z.literal('pcm16'),
    input_audio_transcription: transcription,
    input_audio_noise_reduction: noiseReduction,
    turn_detection: turnDetection,
    tools,
    tool_choice: toolChoice,
    temperature: z.number().min(0.6).max(1.2),
    max_response_output_tokens: maxTokens,
    speed: z.number().min(0.25).max(1.5),
    tracing,
    include: z.array(z.string()).nullable(),
  })
  .partial();

const gaFormat = z.strictObject({ type: z.literal('audio/pcm'), rate: z.literal(24000).optional() });

export const gaSessionUpdateSchema = z
  .strictObject({
    type: z.literal('realtime'),
    model: z.string(),
    output_modalities: z
      .array(z.enum(['text', 'audio']))
      .min(1)
      .max(1),
    instructions: z.string(),
    audio: z
      .strictObject({
        input: z.strictObject({ format: gaFormat, transcription, noise_reduction: noiseReduction, turn_detection: turnDetection }).partial(),
        output: z.strictObject({ format: gaFormat, voice: z.string(), speed: z.number().min(0.25).max(1.5) }).partial(),
      })
      .partial(),
    tools,
    tool_choice: toolChoice,
    max_output_tokens: maxTokens,
    tracing,
    truncation: z.unknown(),
    prompt: z.unknown(),
    include: z.array(z.string()).nullable(),
  })
  .partial()
  .required({ type: true });

export type BetaSessionUpdate = z.infer<typeof betaSessionUpdateSchema>;
export type GaSessionUpdate = z.infer<typeof gaSessionUpdateSchema>;
export type TurnDetectionUpdate = z.infer<typeof turnDetection>;
