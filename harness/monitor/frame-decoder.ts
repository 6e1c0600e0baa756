/**
 * Decodes one Realtime protocol text frame (beta and GA event names) into the few facts the monitor records.
 * Cheap by design: frames that do not start with "{" are not parsed at all, and audio deltas (the bulk of the
 * traffic) are read by a top-level scan that skips strings with indexOf, so the base64 payload is measured but never
 * copied or kept; a frame with any backslash escape is parsed with JSON.parse instead, so ids are exact.
 * Pure: string in, small object out.
 */
export type RtDialect = 'beta' | 'ga';

export type DecodedFrame =
  | { kind: 'speech-started' | 'speech-stopped' | 'committed'; eventType: string; itemId?: string }
  | { kind: 'response-requested'; eventType: string }
  | { kind: 'response-created'; eventType: string; responseId: string }
  | { kind: 'audio-delta'; eventType: string; responseId: string; bytes: number; dialect: RtDialect }
  /** WebRTC: reply audio began playing on the call's track (output_audio_buffer.started); no deltas follow. */
  | { kind: 'audio-started'; eventType: string; responseId: string }
  /** A reply's transcript moving on: on a WebRTC call the only sign in the events that the reply is still streaming. */
  | { kind: 'transcript-delta'; eventType: string; responseId: string }
  | { kind: 'response-done'; eventType: string; responseId: string; status: ResponseStatus }
  | { kind: 'protocol-error'; eventType: string; code?: string; errorType?: string; message: string }
  | { kind: 'other'; eventType: string | undefined };

export type ResponseStatus = 'completed' | 'cancelled' | 'failed' | 'incomplete' | 'in_progress';
const STATUSES = new Set<string>(['completed', 'cancelled', 'failed', 'incomplete', 'in_progress']);
const AUDIO_DELTA_DIALECT: Record<string, RtDialect> = { 'response.audio.delta': 'beta', 'response.output_audio.delta': 'ga' };
const MAX_TEXT = 4096;
const UNKNOWN_ID = 'unknown';

const clip = (value: unknown): string | undefined => (typeof value === 'string' ? value.slice(0, MAX_TEXT) : undefined);

/** Index of the first non-whitespace character, or -1. */
function firstCharIndex(text: string): number {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return i;
  }
  return -1;
}

type Span = { start: number; end: number };

/**
 * The string values of the object's own (top-level) keys among `wanted`, as spans of text (between the quotes),
 * for a frame with no backslash at all: then no string holds an escaped quote, and every `"` opens or closes a
 * string, so strings are skipped with indexOf (a 100 KB base64 delta is not walked character by character).
 * Null when the text is not a well-formed object of that kind (the caller then parses it with JSON.parse).
 */
function topLevelStrings(text: string, first: number, wanted: readonly string[]): Map<string, Span> | null {
  const found = new Map<string, Span>();
  const skipSpace = (i: number): number => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      i += 1;
    }
    return i;
  };
  /** Index after the value starting at i (a string, an object or array, or a literal), or -1. */
  const skipValue = (i: number): number => {
    const c = text[i];
    if (c === '"') {
      const close = text.indexOf('"', i + 1);
      return close < 0 ? -1 : close + 1;
    }
    if (c === '{' || c === '[') {
      let depth = 0;
      for (let j = i; j < text.length; j += 1) {
        const d = text[j];
        if (d === '"') {
          j = text.indexOf('"', j + 1);
          if (j < 0) return -1;
        } else if (d === '{' || d === '[') depth += 1;
        else if (d === '}' || d === ']') {
          depth -= 1;
          if (depth === 0) return j + 1;
        }
      }
      return -1;
    }
    let j = i;
    while (j < text.length && text[j] !== ',' && text[j] !== '}') j += 1;
    return j > i ? j : -1;
  };
  let i = skipSpace(first + 1);
  if (text[i] === '}') return found;
  while (i < text.length) {
    if (text[i] !== '"') return null;
    const keyEnd = text.indexOf('"', i + 1);
    if (keyEnd < 0) return null;
    const key = text.slice(i + 1, keyEnd);
    i = skipSpace(keyEnd + 1);
    if (text[i] !== ':') return null;
    i = skipSpace(i + 1);
    const valueEnd = skipValue(i);
    if (valueEnd < 0) return null;
    if (text[i] === '"' && wanted.includes(key) && !found.has(key)) found.set(key, { start: i + 1, end: valueEnd - 1 });
    i = skipSpace(valueEnd);
    if (text[i] === '}') return found;
    if (text[i] !== ',') return null;
    i = skipSpace(i + 1);
  }
  return null;
}

/** Decoded byte count of a base64 string spanning text[start, end). */
function base64Bytes(text: string, start: number, end: number): number {
  const length = end - start;
  let padding = 0;
  if (length > 0 && text[end - 1] === '=') padding += 1;
  if (length > 1 && text[end - 2] === '=') padding += 1;
  return Math.max(0, Math.floor((length * 3) / 4) - padding);
}

const FAST_KEYS = ['type', 'response_id', 'delta'] as const;

/**
 * An audio delta read without JSON.parse, or null to parse it. Only frames without a backslash take this path: an
 * escape (\" or \u0041 in an id, \/ in base64) means string contents differ from their text, so JSON.parse decides,
 * and a delta's response id then equals the one JSON.parse read from its response.created.
 */
function decodeAudioDeltaFast(text: string, first: number): DecodedFrame | null {
  if (text.indexOf('\\') >= 0) return null;
  const fields = topLevelStrings(text, first, FAST_KEYS);
  const type = fields?.get('type');
  if (!fields || !type) return null;
  const eventType = text.slice(type.start, type.end);
  const dialect = AUDIO_DELTA_DIALECT[eventType];
  const delta = fields.get('delta');
  if (!dialect || !delta) return null;
  const id = fields.get('response_id');
  const responseId = id ? text.slice(id.start, Math.min(id.end, id.start + MAX_TEXT)) : UNKNOWN_ID;
  return { kind: 'audio-delta', eventType, responseId, bytes: base64Bytes(text, delta.start, delta.end), dialect };
}

/** Decodes a received or sent text frame; null when the frame is not JSON. */
export function decodeRealtimeFrame(text: string): DecodedFrame | null {
  const first = firstCharIndex(text);
  if (first < 0 || text.charCodeAt(first) !== 123 /* { */) return null;
  const fast = decodeAudioDeltaFast(text, first);
  if (fast) return fast;
  let event: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object') return null;
    event = parsed as Record<string, unknown>;
  } catch {
    return null;
  }
  return decodeEvent(event);
}

/** Maps an already parsed Realtime event object. */
export function decodeEvent(event: Record<string, unknown>): DecodedFrame {
  const eventType = clip(event.type);
  const response = (event.response && typeof event.response === 'object' ? event.response : {}) as Record<string, unknown>;
  const itemId = clip(event.item_id);
  switch (eventType) {
    case 'input_audio_buffer.speech_started':
      return { kind: 'speech-started', eventType, ...(itemId ? { itemId } : {}) };
    case 'input_audio_buffer.speech_stopped':
      return { kind: 'speech-stopped', eventType, ...(itemId ? { itemId } : {}) };
    case 'input_audio_buffer.committed':
      return { kind: 'committed', eventType, ...(itemId ? { itemId } : {}) };
    case 'response.create':
      return { kind: 'response-requested', eventType };
    case 'response.created':
      return { kind: 'response-created', eventType, responseId: clip(response.id) ?? UNKNOWN_ID };
    case 'response.audio.delta':
    case 'response.output_audio.delta': {
      const delta = typeof event.delta === 'string' ? event.delta : '';
      const bytes = base64Bytes(delta, 0, delta.length);
      return { kind: 'audio-delta', eventType, responseId: clip(event.response_id) ?? UNKNOWN_ID, bytes, dialect: AUDIO_DELTA_DIALECT[eventType]! };
    }
    case 'output_audio_buffer.started':
      return { kind: 'audio-started', eventType, responseId: clip(event.response_id) ?? UNKNOWN_ID };
    case 'response.audio_transcript.delta':
    case 'response.output_audio_transcript.delta':
      return { kind: 'transcript-delta', eventType, responseId: clip(event.response_id) ?? UNKNOWN_ID };
    case 'response.done': {
      const status = clip(response.status) ?? 'completed';
      return {
        kind: 'response-done',
        eventType,
        responseId: clip(response.id) ?? UNKNOWN_ID,
        status: (STATUSES.has(status) ? status : 'failed') as ResponseStatus,
      };
    }
    case 'error': {
      const error = (event.error && typeof event.error === 'object' ? event.error : {}) as Record<string, unknown>;
      const errorType = clip(error.type);
      const code = clip(error.code) ?? errorType;
      return {
        kind: 'protocol-error',
        eventType,
        ...(code ? { code } : {}),
        ...(errorType ? { errorType } : {}),
        message: clip(error.message) ?? 'error event without message',
      };
    }
    default:
      return { kind: 'other', eventType };
  }
}
