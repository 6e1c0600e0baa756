/** Renders the session in the dialect's shape (beta: flat fields; GA: `{type:'realtime', audio:{input, output}}`). */
import type { Dialect, SessionConfig } from './session-config.ts';

export function sessionShape(session: SessionConfig, dialect: Dialect, expiresAtS: number): Record<string, unknown> {
  if (dialect === 'beta') {
    return {
      id: session.id,
      object: 'realtime.session',
      model: session.model,
      expires_at: expiresAtS,
      modalities: session.audioOutput ? ['text', 'audio'] : ['text'],
      instructions: session.instructions,
      voice: session.voice,
      input_audio_format: 'pcm16',
      output_audio_format: 'pcm16',
      input_audio_transcription: session.transcription,
      input_audio_noise_reduction: session.noiseReduction,
      turn_detection: session.turnDetection,
      tools: session.tools,
      tool_choice: session.toolChoice,
      temperature: session.temperature,
      max_response_output_tokens: session.maxOutputTokens,
      speed: session.speed,
      tracing: session.tracing,
    };
  }
  return {
    type: 'realtime',
    object: 'realtime.session',
    id: session.id,
    model: session.model,
    expires_at: expiresAtS,
    output_modalities: session.audioOutput ? ['audio'] : ['text'],
    instructions: session.instructions,
    audio: {
      input: {
        format: { type: 'audio/pcm', rate: 24000 },
        transcription: session.transcription,
        noise_reduction: session.noiseReduction,
        turn_detection: session.turnDetection,
      },
      output: { format: { type: 'audio/pcm', rate: 24000 }, voice: session.voice, speed: session.speed },
    },
    tools: session.tools,
    tool_choice: session.toolChoice,
    max_output_tokens: session.maxOutputTokens,
    tracing: session.tracing,
    include: null,
  };
}
