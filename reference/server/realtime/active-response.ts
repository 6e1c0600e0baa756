/**
 * One response from response.created to response.done: plans and synthesizes the reply, then streams audio and
 * transcript deltas in real time (100 ms chunks, at most LEAD_MS ahead of playback). Server-side faults act here:
 * ttfr-growth delays the first audio more each turn, late-audio holds each response's audio (and transcript) back a
 * fixed time after its item and content part were announced, stall freezes the chosen turn half-way until cancelled,
 * protocol-errors emits a seeded error event at the start of some turns.
 */
import type { ActiveResponseHandle, ConnectionContext } from './connection-context.ts';
import { eventName } from './dialect-event-names.ts';
import { assistantItem, assistantPart, responsePart } from './item-shapes.ts';
import { encodePcm16Base64, SAMPLE_RATE_HZ } from './pcm16.ts';
import { RealtimeError } from './realtime-error.ts';
import { planReply } from './reply-plan.ts';
import type { ReplyPlan } from './reply-plan.ts';
import { responseObject } from './response-object.ts';
import type { ResponseStatus, ResponseSummary } from './response-object.ts';
import { mixSeeds, seededRandom } from '../../../harness/synth/seeded-random.ts';
import { BackgroundSynthesis } from './background-synthesis.ts';

const CHUNK_MS = 100;
const LEAD_MS = 300;

export interface ResponseOptions {
  audio: boolean;
  addToConversation: boolean;
  metadata: unknown;
  inputAudioMs: number;
}

export class ActiveResponse implements ActiveResponseHandle {
  readonly id: string;
  private readonly itemId: string;
  private readonly turn: number;
  private readonly plan: ReplyPlan;
  /** Synthesized in the background from response.created on; null for a text-only response. */
  private readonly speech: BackgroundSynthesis | null;
  private timer: NodeJS.Timeout | null = null;
  private firstAudioAtMs = 0;
  private sentSamples = 0;
  private sentWords = 0;
  private itemAnnounced = false;
  private finished = false;

  constructor(
    private readonly ctx: ConnectionContext,
    private readonly options: ResponseOptions,
    private readonly onFinished: () => void,
  ) {
    ctx.responsesStarted += 1;
    this.turn = ctx.responsesStarted;
    this.id = ctx.nextId('resp');
    this.itemId = ctx.nextId('item');
    const random = seededRandom(mixSeeds(ctx.seed, this.turn));
    this.plan = planReply(random, ctx.replyScale);
    this.speech = options.audio ? new BackgroundSynthesis(this.plan, random) : null;
  }

  start(): void {
    this.ctx.send({ type: 'response.created', response: this.responseObject('in_progress', null, []) });
    const faults = this.ctx.faults;
    if (faults.protocolErrorRate !== undefined && seededRandom(mixSeeds(this.ctx.seed, this.turn, 0xfa17))() < faults.protocolErrorRate) {
      const error = new RealtimeError('injected_fault', `voice-soak protocol-errors fault: injected server error on turn ${this.turn}.`, null, 'server_error');
      this.ctx.sendError(error, null);
    }
    const delayMs = this.ctx.baseLatencyMs + (faults.latencyGrowthMsPerTurn ?? 0) * (this.turn - 1);
    this.timer = setTimeout(() => this.begin(), delayMs);
  }

  cancel(reason: 'turn_detected' | 'client_cancelled'): void {
    if (this.finished) return;
    this.ctx.audioOut?.clear();
    const item = assistantItem(this.itemId, this.ctx.dialect, this.options.audio, 'incomplete', this.spokenText());
    const stored = this.options.addToConversation ? this.ctx.conversation.get(this.itemId) : undefined;
    if (stored) Object.assign(stored, { status: 'incomplete', content: item.content });
    if (this.itemAnnounced) {
      this.ctx.send({ type: 'response.output_item.done', response_id: this.id, output_index: 0, item });
      if (this.ctx.dialect === 'ga' && this.options.addToConversation) this.ctx.send({ type: 'conversation.item.done', item });
    }
    this.finish('cancelled', { type: 'cancelled', reason }, this.itemAnnounced ? [item] : []);
  }

  private begin(): void {
    if (this.finished || this.ctx.closed) return;
    const item = assistantItem(this.itemId, this.ctx.dialect, this.options.audio, 'in_progress', null);
    this.ctx.send({ type: 'response.output_item.added', response_id: this.id, output_index: 0, item });
    if (this.options.addToConversation) {
      const previousItemId = this.ctx.conversation.insert(assistantItem(this.itemId, this.ctx.dialect, this.options.audio, 'in_progress', ''));
      this.ctx.send({ type: eventName('itemCreated', this.ctx.dialect), previous_item_id: previousItemId, item });
    }
    this.itemAnnounced = true;
    this.ctx.send({ type: 'response.content_part.added', ...this.where(), part: responsePart(this.options.audio, '') });
    // late-audio: the stream starts lateMs from now, so response.created and the item events stay on time.
    const lateMs = this.ctx.faults.lateAudioMs ?? 0;
    this.firstAudioAtMs = performance.now() + lateMs;
    if (lateMs > 0) this.timer = setTimeout(() => this.pump(), lateMs);
    else this.pump();
  }

  private get pcm(): Int16Array | null {
    return this.speech?.samples ?? null;
  }

  /** Sends everything due by now + LEAD_MS, then sleeps until the next chunk is due. */
  private pump(): void {
    this.timer = null;
    if (this.finished || this.ctx.closed) return;
    // Speech still being synthesized (a loaded machine): the first chunk goes out once it is there.
    if (this.speech && !this.pcm) {
      return this.speech.whenReady(() => {
        if (this.sentSamples === 0) this.firstAudioAtMs = Math.max(this.firstAudioAtMs, performance.now());
        this.pump();
      });
    }
    const elapsedMs = performance.now() - this.firstAudioAtMs;
    const totalSamples = this.pcm?.length ?? Math.round((this.plan.durationMs / 1000) * SAMPLE_RATE_HZ);
    const stallAtSamples = this.ctx.faults.stallTurn === this.turn ? Math.floor(totalSamples / 2) : Infinity;
    const chunkSamples = (CHUNK_MS / 1000) * SAMPLE_RATE_HZ;
    while (this.sentSamples < Math.min(totalSamples, stallAtSamples) && samplesToMs(this.sentSamples) <= elapsedMs + LEAD_MS) {
      const end = Math.min(totalSamples, this.sentSamples + chunkSamples);
      this.sendWordsUntil(samplesToMs(end));
      if (this.pcm) this.sendAudio(this.pcm.subarray(this.sentSamples, end));
      this.sentSamples = end;
      if (this.pcm && this.options.addToConversation) this.ctx.assistantAudioMs.set(this.itemId, samplesToMs(end));
    }
    if (this.sentSamples >= stallAtSamples) return; // stall fault: nothing more until response.cancel or barge-in
    if (this.sentSamples >= totalSamples) return this.complete();
    const dueInMs = samplesToMs(this.sentSamples) - LEAD_MS - elapsedMs;
    this.timer = setTimeout(() => this.pump(), Math.max(5, dueInMs));
  }

  private sendAudio(samples: Int16Array): void {
    if (this.ctx.audioOut) return this.ctx.audioOut.push(this.id, samples);
    this.ctx.send({ type: eventName('audioDelta', this.ctx.dialect), ...this.where(), delta: encodePcm16Base64(samples) });
  }

  private sendWordsUntil(untilMs: number): void {
    const deltaType = eventName(this.options.audio ? 'transcriptDelta' : 'textDelta', this.ctx.dialect);
    while (this.sentWords < this.plan.words.length && (this.plan.words[this.sentWords]?.startMs ?? 0) < untilMs) {
      const word = this.plan.words[this.sentWords]?.text ?? '';
      this.ctx.send({ type: deltaType, ...this.where(), delta: this.sentWords === 0 ? word : ` ${word}` });
      this.sentWords += 1;
    }
  }

  private complete(): void {
    this.sendWordsUntil(Infinity);
    const text = this.plan.text;
    const audio = this.options.audio;
    if (audio) this.ctx.audioOut?.end(this.id);
    if (audio) this.ctx.send({ type: eventName('audioDone', this.ctx.dialect), ...this.where() });
    this.ctx.send({ type: eventName(audio ? 'transcriptDone' : 'textDone', this.ctx.dialect), ...this.where(), ...(audio ? { transcript: text } : { text }) });
    this.ctx.send({ type: 'response.content_part.done', ...this.where(), part: responsePart(audio, text) });
    const item = assistantItem(this.itemId, this.ctx.dialect, audio, 'completed', text);
    this.ctx.send({ type: 'response.output_item.done', response_id: this.id, output_index: 0, item });
    if (this.options.addToConversation) {
      const stored = this.ctx.conversation.get(this.itemId);
      if (stored) Object.assign(stored, { status: 'completed', content: [assistantPart(this.ctx.dialect, audio, text)] });
      if (this.ctx.dialect === 'ga') this.ctx.send({ type: 'conversation.item.done', item });
    }
    this.finish('completed', null, [item]);
  }

  private finish(status: ResponseStatus, details: Record<string, unknown> | null, output: Record<string, unknown>[]): void {
    this.finished = true;
    this.speech?.cancel();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.ctx.send({ type: 'response.done', response: this.responseObject(status, details, output) });
    this.ctx.send({
      type: 'rate_limits.updated',
      rate_limits: [
        { name: 'requests', limit: 5000, remaining: 4999, reset_seconds: 0.012 },
        { name: 'tokens', limit: 400_000, remaining: 399_000 - this.turn, reset_seconds: 0.15 },
      ],
    });
    this.onFinished();
  }

  private spokenText(): string {
    return this.plan.words
      .slice(0, this.sentWords)
      .map((w) => w.text)
      .join(' ');
  }

  private where(): Record<string, unknown> {
    return { response_id: this.id, item_id: this.itemId, output_index: 0, content_index: 0 };
  }

  private responseObject(status: ResponseStatus, details: Record<string, unknown> | null, output: Record<string, unknown>[]): Record<string, unknown> {
    const done = status !== 'in_progress';
    const summary: ResponseSummary = {
      id: this.id,
      status,
      statusDetails: details,
      output,
      audio: this.options.audio,
      conversationId: this.options.addToConversation ? 'conv_default' : null,
      metadata: this.options.metadata,
      usage: done
        ? {
            inputAudioMs: this.options.inputAudioMs,
            inputTextWords: 0,
            outputAudioMs: this.pcm ? samplesToMs(this.sentSamples) : 0,
            outputWords: this.sentWords,
          }
        : null,
    };
    return responseObject(summary, this.ctx.session, this.ctx.dialect);
  }
}

function samplesToMs(samples: number): number {
  return (samples * 1000) / SAMPLE_RATE_HZ;
}
