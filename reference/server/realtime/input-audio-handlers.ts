/**
 * input_audio_buffer.append / commit / clear, and server VAD: speech_started (barge-in cancels the active response
 * when interrupt_response), speech_stopped, then the commit, the user item, its transcript and, when
 * create_response, a response. Without ASR the transcript is an honest "[speech 2.9 s]" (duration of voiced audio).
 */
import type { ClientEvent } from './client-event-schemas.ts';
import type { ConnectionContext } from './connection-context.ts';
import { announceItem } from './item-handlers.ts';
import { userAudioItem } from './item-shapes.ts';
import { decodePcm16Base64, samplesToMs } from './pcm16.ts';
import { RealtimeError } from './realtime-error.ts';
import { startResponse } from './response-handlers.ts';
import { vadSettingsFor } from './voice-activity-detector.ts';

const MIN_COMMIT_MS = 100;
const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

export function handleAppend(ctx: ConnectionContext, event: ClientEvent<'input_audio_buffer.append'>): void {
  if (!base64Pattern.test(event.audio) || event.audio.length % 4 !== 0) {
    throw new RealtimeError('invalid_value', "Invalid 'audio': expected base64-encoded pcm16 audio.", 'audio');
  }
  appendInputSamples(ctx, decodePcm16Base64(event.audio));
}

/** Input audio from an append event or a WebRTC call's decoded mic track: buffered, then through the server VAD. */
export function appendInputSamples(ctx: ConnectionContext, samples: Int16Array): void {
  ctx.bufferedSamples += samples.length;
  const td = ctx.session.turnDetection;
  if (!td) return;
  ctx.vad.settings = vadSettingsFor(td);
  for (const vadEvent of ctx.vad.push(samples)) {
    if (vadEvent.type === 'speech_started') {
      ctx.pendingSpeechItemId = ctx.nextId('item');
      ctx.send({ type: 'input_audio_buffer.speech_started', audio_start_ms: vadEvent.audioStartMs, item_id: ctx.pendingSpeechItemId });
      if (td.interrupt_response && ctx.activeResponse) ctx.activeResponse.cancel('turn_detected');
      continue;
    }
    const itemId = ctx.pendingSpeechItemId ?? ctx.nextId('item');
    ctx.pendingSpeechItemId = null;
    ctx.send({ type: 'input_audio_buffer.speech_stopped', audio_end_ms: vadEvent.audioEndMs, item_id: itemId });
    const speechMs = vadEvent.lastLoudEndMs - vadEvent.speechStartMs;
    commit(ctx, itemId, speechMs, vadEvent.audioEndMs - vadEvent.speechStartMs + td.prefix_padding_ms);
    if (td.create_response && !ctx.activeResponse) startResponse(ctx, {}, speechMs);
  }
}

export function handleCommit(ctx: ConnectionContext, _event: ClientEvent<'input_audio_buffer.commit'>): void {
  const bufferedMs = samplesToMs(ctx.bufferedSamples);
  if (bufferedMs < MIN_COMMIT_MS) {
    throw new RealtimeError(
      'input_audio_buffer_commit_empty',
      `Error committing input audio buffer: buffer too small. Expected at least ${MIN_COMMIT_MS}ms of audio, but buffer only has ${bufferedMs.toFixed(2)}ms of audio.`,
    );
  }
  const itemId = ctx.pendingSpeechItemId ?? ctx.nextId('item');
  ctx.pendingSpeechItemId = null;
  ctx.vad.reset();
  commit(ctx, itemId, bufferedMs, bufferedMs);
}

export function handleClear(ctx: ConnectionContext, _event: ClientEvent<'input_audio_buffer.clear'>): void {
  ctx.bufferedSamples = 0;
  ctx.pendingSpeechItemId = null;
  ctx.vad.reset();
  ctx.send({ type: 'input_audio_buffer.cleared' });
}

function commit(ctx: ConnectionContext, itemId: string, speechMs: number, itemAudioMs: number): void {
  ctx.bufferedSamples = 0;
  const previousItemId = ctx.conversation.lastId();
  ctx.send({ type: 'input_audio_buffer.committed', previous_item_id: previousItemId, item_id: itemId });
  const transcript = `[speech ${(speechMs / 1000).toFixed(1)} s]`;
  const item = userAudioItem(itemId, null);
  ctx.conversation.insert(item);
  announceItem(ctx, item, previousItemId);
  if (ctx.session.transcription === null) return;
  (item.content as Record<string, unknown>[])[0] = { type: 'input_audio', transcript };
  const usage = ctx.dialect === 'ga' ? { usage: { type: 'duration', seconds: Math.round(itemAudioMs / 100) / 10 } } : {};
  ctx.send({ type: 'conversation.item.input_audio_transcription.completed', item_id: itemId, content_index: 0, transcript, ...usage });
}
