/**
 * Decodes one Realtime protocol text frame (beta and GA event names) into the few facts the monitor records.
 * Cheap by design: frames that do not start with "{" are not parsed at all, and audio deltas (the bulk of the
 * traffic) are read by string search, so the base64 payload is measured but never copied or kept.
 * Pure: string in, small object out.
 */
export type RtDialect = 'beta' | 'ga';

export type DecodedFrame =
  | { kind: 'speech-started' | 'speech-stopped' | 'committed'; eventType: string; itemId?: string }
  | { kind: 'response-requested'; eventType: string }
  | { kind: 'response-created'; eventType: string; responseId: string }
  | { kind: 'audio-delta'; eventType: string; responseId: string; bytes: number; dialect: RtDialect }
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

/** The string value of the first `"key": "..."` in text (no escapes expected in ids and event types). */
function stringField(text: string, key: string, from = 0): { value: string; end: number } | null {
  const at = text.indexOf(`"${key}"`, from);
  if (at < 0) return null;
  let i = at + key.length + 2;
  while (i < text.length && (text[i] === ' ' || text[i] === ':' || text[i] === '\n' || text[i] === '\t' || text[i] === '\r')) i += 1;
  if (text[i] !== '"') return null;
  const end = text.indexOf('"', i + 1);
  if (end < 0) return null;
  return { value: text.slice(i + 1, end), end };
}

/** Decoded byte count of a base64 string spanning text[start, end). */
function base64Bytes(text: string, start: number, end: number): number {
  const length = end - start;
  let padding = 0;
  if (length > 0 && text[end - 1] === '=') padding += 1;
  if (length > 1 && text[end - 2] === '=') padding += 1;
  return Math.max(0, Math.floor((length * 3) / 4) - padding);
}

function decodeAudioDelta(text: string, eventType: string, dialect: RtDialect): DecodedFrame | null {
  const deltaKey = text.indexOf('"delta"');
  if (deltaKey < 0) return null;
  const open = text.indexOf('"', deltaKey + 7);
  const close = open < 0 ? -1 : text.indexOf('"', open + 1);
  if (close < 0) return null;
  const responseId = stringField(text, 'response_id')?.value ?? UNKNOWN_ID;
  return { kind: 'audio-delta', eventType, responseId: responseId.slice(0, MAX_TEXT), bytes: base64Bytes(text, open + 1, close), dialect };
}

/** Decodes a received or sent text frame; null when the frame is not JSON. */
export function decodeRealtimeFrame(text: string): DecodedFrame | null {
  const first = firstCharIndex(text);
  if (first < 0 || text.charCodeAt(first) !== 123 /* { */) return null;
  const typeField = stringField(text, 'type', first);
  const dialect = typeField ? AUDIO_DELTA_DIALECT[typeField.value] : undefined;
  if (typeField && dialect) {
    const fast = decodeAudioDelta(text, typeField.value, dialect);
    if (fast) return fast;
  }
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
    case 'response.done': {
      const status = clip(response.status) ?? 'completed';
      return { kind: 'response-done', eventType, responseId: clip(response.id) ?? UNKNOWN_ID, status: (STATUSES.has(status) ? status : 'failed') as ResponseStatus };
    }
    case 'error': {
      const error = (event.error && typeof event.error === 'object' ? event.error : {}) as Record<string, unknown>;
      const errorType = clip(error.type);
      const code = clip(error.code) ?? errorType;
      return { kind: 'protocol-error', eventType, ...(code ? { code } : {}), ...(errorType ? { errorType } : {}), message: clip(error.message) ?? 'error event without message' };
    }
    default:
      return { kind: 'other', eventType };
  }
}
