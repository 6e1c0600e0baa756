/** response.create / response.cancel, and startResponse for server VAD's create_response. */
import { ActiveResponse } from './active-response.ts';
import type { ClientEvent } from './client-event-schemas.ts';
import type { ConnectionContext } from './connection-context.ts';
import { RealtimeError } from './realtime-error.ts';

export function startResponse(ctx: ConnectionContext, overrides: Record<string, unknown> = {}, inputAudioMs = 0): void {
  if (ctx.activeResponse) {
    throw new RealtimeError(
      'conversation_already_has_active_response',
      `Conversation already has an active response in progress: ${ctx.activeResponse.id}. Wait until the response is finished before creating a new one.`,
    );
  }
  const modalities = overrides[ctx.dialect === 'beta' ? 'modalities' : 'output_modalities'];
  const audio = Array.isArray(modalities) ? modalities.includes('audio') : ctx.session.audioOutput;
  const response = new ActiveResponse(
    ctx,
    { audio, addToConversation: overrides.conversation !== 'none', metadata: overrides.metadata ?? null, inputAudioMs },
    () => {
      if (ctx.activeResponse === response) ctx.activeResponse = null;
    },
  );
  ctx.activeResponse = response;
  response.start();
}

export function handleResponseCreate(ctx: ConnectionContext, event: ClientEvent<'response.create'>): void {
  startResponse(ctx, event.response ?? {});
}

export function handleResponseCancel(ctx: ConnectionContext, event: ClientEvent<'response.cancel'>): void {
  const active = ctx.activeResponse;
  if (!active || (event.response_id !== undefined && event.response_id !== active.id)) {
    const which = event.response_id ? ` with id '${event.response_id}'` : '';
    throw new RealtimeError('response_cancel_not_active', `Cancellation failed: no active response${which} found.`, event.response_id ? 'response_id' : null);
  }
  active.cancel('client_cancelled');
}
