/**
 * One client message: size check, JSON parse, envelope and per-type validation, then the handler. Every problem
 * becomes an `error` event (the connection stays open). Messages above MAX_EVENT_BYTES get `message_too_large`.
 */
import { applySessionUpdate } from './apply-session-update.ts';
import { clientEventSchemas, isClientEventType } from './client-event-schemas.ts';
import type { ClientEvent, ClientEventType } from './client-event-schemas.ts';
import type { ConnectionContext } from './connection-context.ts';
import { handleAppend, handleClear, handleCommit } from './input-audio-handlers.ts';
import { handleItemCreate, handleItemDelete, handleItemRetrieve, handleItemTruncate } from './item-handlers.ts';
import { approximateJsonBytes } from './memory-budget.ts';
import { MAX_EVENT_BYTES, messageTooLargeError, RealtimeError } from './realtime-error.ts';
import { handleResponseCancel, handleResponseCreate } from './response-handlers.ts';
import { sessionShape } from './session-shape.ts';
import { zodIssueToError } from './zod-issue-to-error.ts';

type Handlers = { [T in ClientEventType]: (ctx: ConnectionContext, event: ClientEvent<T>) => void };

const handlers: Handlers = {
  'session.update': (ctx, event) => {
    const session = applySessionUpdate(ctx.session, event.session, ctx.dialect);
    ctx.memory.store('session', approximateJsonBytes(session), 'Session');
    ctx.session = session;
    ctx.send({ type: 'session.updated', session: sessionShape(ctx.session, ctx.dialect, expiresAtS()) });
  },
  'input_audio_buffer.append': handleAppend,
  'input_audio_buffer.commit': handleCommit,
  'input_audio_buffer.clear': handleClear,
  'conversation.item.create': handleItemCreate,
  'conversation.item.truncate': handleItemTruncate,
  'conversation.item.delete': handleItemDelete,
  'conversation.item.retrieve': handleItemRetrieve,
  'response.create': handleResponseCreate,
  'response.cancel': handleResponseCancel,
  'output_audio_buffer.clear': (ctx) => {
    if (!ctx.audioOut) throw new RealtimeError('invalid_value', "'output_audio_buffer.clear' is only supported on WebRTC connections.", 'type');
    ctx.activeResponse?.cancel('client_cancelled');
    ctx.audioOut.clear();
  },
};

export function expiresAtS(): number {
  return Math.floor(Date.now() / 1000) + 30 * 60;
}

export function dispatchClientEvent(ctx: ConnectionContext, data: Buffer, isBinary: boolean): void {
  let clientEventId: string | null = null;
  try {
    if (isBinary) throw new RealtimeError('invalid_value', 'Binary frames are not supported: send client events as JSON text frames.');
    if (data.length > MAX_EVENT_BYTES) throw messageTooLargeError(data.length);
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString('utf8'));
    } catch (error) {
      throw new RealtimeError('invalid_json', `Invalid JSON in client event: ${error instanceof Error ? error.message : String(error)}.`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new RealtimeError('invalid_type', 'Invalid client event: expected a JSON object.');
    }
    const envelope = parsed as Record<string, unknown>;
    if (typeof envelope.event_id === 'string') clientEventId = envelope.event_id;
    if (typeof envelope.type !== 'string') {
      const code = envelope.type === undefined ? 'missing_required_parameter' : 'invalid_type';
      throw new RealtimeError(
        code,
        code === 'missing_required_parameter' ? "Missing required parameter: 'type'." : "Invalid type for 'type': expected a string.",
        'type',
      );
    }
    const type = envelope.type;
    if (!isClientEventType(type)) {
      const supported = Object.keys(clientEventSchemas)
        .map((t) => `'${t}'`)
        .join(', ');
      throw new RealtimeError('invalid_value', `Invalid value: '${type.slice(0, 100)}'. Supported values are: ${supported}.`, 'type');
    }
    const result = clientEventSchemas[type].safeParse(envelope, { reportInput: true });
    if (!result.success) throw zodIssueToError(result.error.issues);
    (handlers[type] as (ctx: ConnectionContext, event: unknown) => void)(ctx, result.data);
  } catch (error) {
    if (error instanceof RealtimeError) return ctx.sendError(error, clientEventId);
    const message = error instanceof Error ? error.message : String(error);
    ctx.sendError(new RealtimeError('server_error', `The server had an error while processing your request: ${message}`, null, 'server_error'), clientEventId);
  }
}
