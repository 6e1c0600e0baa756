/**
 * Client-facing errors in the Realtime API's shape: an `error` event with
 * `{type, code, message, param, event_id}` where event_id is the offending client event's id (or null).
 * Codes seen from the real API in public issue threads: conversation_already_has_active_response,
 * response_cancel_not_active, input_audio_buffer_commit_empty, item_truncate_invalid_item_id. The others follow the
 * OpenAI API's conventions (invalid_value, invalid_type, missing_required_parameter, unknown_parameter); see
 * reference/README-protocol.md.
 */
export type RealtimeErrorType = 'invalid_request_error' | 'server_error';

export class RealtimeError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly param: string | null = null,
    public readonly errorType: RealtimeErrorType = 'invalid_request_error',
  ) {
    super(message);
  }
}

export interface ErrorPayload {
  type: RealtimeErrorType;
  code: string;
  message: string;
  param: string | null;
  event_id: string | null;
}

export function errorPayload(error: RealtimeError, clientEventId: string | null): ErrorPayload {
  return { type: error.errorType, code: error.code, message: error.message, param: error.param, event_id: clientEventId };
}

/** Largest client event accepted (15 MiB, about 5 minutes of 24 kHz pcm16 in one append). */
export const MAX_EVENT_BYTES = 15 * 1024 * 1024;

/** The error for a client event above MAX_EVENT_BYTES (dispatch and the inbound guard answer the same). */
export function messageTooLargeError(bytes: number): RealtimeError {
  return new RealtimeError('message_too_large', `Client event of ${bytes} bytes exceeds the ${MAX_EVENT_BYTES}-byte limit.`);
}
