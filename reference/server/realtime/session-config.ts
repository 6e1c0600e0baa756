/**
 * The session as this server keeps it, independent of dialect. session-shape.ts renders it as the beta or GA object.
 */
export type Dialect = 'beta' | 'ga';

export interface TurnDetection {
  type: 'server_vad' | 'semantic_vad';
  threshold: number;
  prefix_padding_ms: number;
  silence_duration_ms: number;
  create_response: boolean;
  interrupt_response: boolean;
  /** semantic_vad only; kept and echoed, VAD here is energy based either way. */
  eagerness?: string;
  idle_timeout_ms?: number | null;
}

export interface SessionConfig {
  id: string;
  model: string;
  /** false = text-only replies. */
  audioOutput: boolean;
  instructions: string;
  voice: string;
  turnDetection: TurnDetection | null;
  /** null = no input transcription events; the default session has one configured (see README-protocol.md). */
  transcription: Record<string, unknown> | null;
  noiseReduction: Record<string, unknown> | null;
  temperature: number;
  maxOutputTokens: number | 'inf';
  tools: unknown[];
  toolChoice: unknown;
  speed: number;
  tracing: unknown;
}

export const defaultTurnDetection: TurnDetection = {
  type: 'server_vad',
  threshold: 0.5,
  prefix_padding_ms: 300,
  silence_duration_ms: 500,
  create_response: true,
  interrupt_response: true,
};

export function defaultSession(id: string, model: string): SessionConfig {
  return {
    id,
    model,
    audioOutput: true,
    instructions: 'You are voice-soak, a local stand-in for a realtime voice model.',
    voice: 'alloy',
    turnDetection: { ...defaultTurnDetection },
    transcription: { model: 'voice-soak-energy' },
    noiseReduction: null,
    temperature: 0.8,
    maxOutputTokens: 'inf',
    tools: [],
    toolChoice: 'auto',
    speed: 1,
    tracing: null,
  };
}
