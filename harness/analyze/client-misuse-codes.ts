/**
 * Which server `error` events mean "the client misused the protocol" rather than "the server failed".
 *
 * The Realtime API sends client mistakes as `error.type: 'invalid_request_error'`; logs written before the monitor
 * kept the type only have the code, so the codes below count too. Sources: codes seen from the real API in public
 * issue threads (the first four), the OpenAI API's parameter-validation conventions, and the embedded server's own
 * (reference/README-protocol.md, "Errors"). A real app triggers response_cancel_not_active by sending response.cancel
 * on every speech start, whether or not a reply is playing.
 *
 * Some invalid_request_error codes are not misuse of the protocol but the session or account failing (a bad key, a
 * session that hit its maximum duration): those stay server-side failures and keep counting in `errors`.
 */

export const CLIENT_MISUSE_CODES: ReadonlySet<string> = new Set([
  // Seen from the real API.
  'response_cancel_not_active',
  'conversation_already_has_active_response',
  'input_audio_buffer_commit_empty',
  'item_truncate_invalid_item_id',
  // By analogy, and the embedded server's.
  'item_delete_invalid_item_id',
  'item_retrieve_invalid_item_id',
  'item_already_exists',
  'invalid_json',
  'message_too_large',
  // OpenAI API parameter validation.
  'invalid_value',
  'invalid_type',
  'missing_required_parameter',
  'unknown_parameter',
  'decimal_above_max_value',
  'decimal_below_min_value',
  'integer_above_max_value',
  'integer_below_min_value',
  'array_above_max_length',
  'array_below_min_length',
  'string_above_max_length',
  'string_below_min_length',
  // The decoder uses the type as the code when an error has no code.
  'invalid_request_error',
]);

/** invalid_request_error codes that are the session or account failing, not the client misusing the protocol. */
export const SESSION_FAILURE_CODES: ReadonlySet<string> = new Set([
  'invalid_api_key',
  'access_not_enabled',
  'session_expired',
  'insufficient_quota',
  'model_not_found',
]);

/** A known type decides (only invalid_request_error is misuse); without one (older logs, app records), the code. */
export function isClientMisuse(error: { errorType?: string | undefined; code?: string | undefined }): boolean {
  if (error.code !== undefined && SESSION_FAILURE_CODES.has(error.code)) return false;
  if (error.errorType !== undefined) return error.errorType === 'invalid_request_error';
  return error.code !== undefined && CLIENT_MISUSE_CODES.has(error.code);
}
