/**
 * Gap-free reply playback with Web Audio scheduling: each chunk starts at max(now + lead, nextStartTime).
 * The queue holds chunks scheduled but not yet finished; its length is "chunks pending playback".
 * An underrun is a chunk that continues the same response but had to start after the previous one ended
 * (an audible gap). With `retainFinished` (the audio-backlog fault) finished chunks are never removed.
 * Two faults put a delay line in front of the scheduling, in arrival order (PlaybackDelays): slow-playback-start holds
 * a response's first chunk startMs (the chunks after it wait behind it), playback-jitter holds each later chunk a
 * seeded random 0..jitterMs, so playback runs dry whenever a chunk comes out after the previous one has ended.
 * Held chunks count as pending (queueLength, isPlaying), so a barge-in stops them too.
 */
import { seededRandom } from '../../../harness/synth/seeded-random.ts';
export interface PlaybackChunkMeta {
  responseId: string;
  itemId: string;
}

interface ScheduledChunk extends PlaybackChunkMeta {
  source: AudioBufferSourceNode;
  startTimeS: number;
  durationS: number;
}

/** The slow-playback-start and playback-jitter faults, in ms (0 or absent: none). */
export interface PlaybackDelays {
  startMs?: number;
  jitterMs?: number;
  /** Seed of the jitter draws (the same delays each run). */
  seed?: number;
}

interface HeldChunk {
  samples: Float32Array;
  meta: PlaybackChunkMeta;
  dueMs: number;
}

export interface ScheduleResult {
  underrun: boolean;
  pendingChunks: number;
}

export class PlaybackScheduler {
  private readonly queue: ScheduledChunk[] = [];
  private nextStartTimeS = 0;
  private lastResponseId: string | null = null;
  /** Played ms of chunks already removed from the queue, for the last few items only. */
  private readonly finishedMsByItem = new Map<string, number>();
  scheduledChunks = 0;
  underruns = 0;
  /** The delay line (PlaybackDelays): chunks not yet handed to Web Audio, in arrival order. */
  private readonly held: HeldChunk[] = [];
  private heldTimer: ReturnType<typeof setTimeout> | null = null;
  private lastDueMs = 0;
  private lastArrivedResponseId: string | null = null;
  private readonly jitterRandom: () => number;

  constructor(
    private readonly audioContext: AudioContext,
    private readonly retainFinished = false,
    private readonly leadS = 0.05,
    private readonly delays: PlaybackDelays = {},
  ) {
    this.jitterRandom = seededRandom(delays.seed ?? 1);
  }

  get queueLength(): number {
    return this.queue.length + this.held.length;
  }

  schedule(samples: Float32Array, meta: PlaybackChunkMeta): ScheduleResult {
    const { startMs = 0, jitterMs = 0 } = this.delays;
    if (startMs <= 0 && jitterMs <= 0) return this.play(samples, meta);
    const nowMs = performance.now();
    const first = meta.responseId !== this.lastArrivedResponseId;
    this.lastArrivedResponseId = meta.responseId;
    const delayMs = first ? startMs : this.jitterRandom() * jitterMs;
    const dueMs = Math.max(first ? 0 : this.lastDueMs, nowMs + delayMs);
    this.lastDueMs = dueMs;
    if (dueMs <= nowMs && this.held.length === 0) return this.play(samples, meta);
    this.held.push({ samples, meta, dueMs });
    if (this.heldTimer === null) this.armHeld();
    return { underrun: false, pendingChunks: this.queueLength };
  }

  /** Plays the held chunks that are due, in order, and waits for the next. */
  private armHeld(): void {
    const head = this.held[0];
    if (!head) return;
    this.heldTimer = setTimeout(
      () => {
        this.heldTimer = null;
        while (this.held.length > 0 && this.held[0]!.dueMs <= performance.now() + 1) {
          const chunk = this.held.shift()!;
          this.play(chunk.samples, chunk.meta);
        }
        this.armHeld();
      },
      Math.max(0, head.dueMs - performance.now()),
    );
  }

  private play(samples: Float32Array, meta: PlaybackChunkMeta): ScheduleResult {
    const ctx = this.audioContext;
    const buffer = ctx.createBuffer(1, Math.max(1, samples.length), 24000);
    buffer.copyToChannel(samples as Float32Array<ArrayBuffer>, 0);
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(ctx.destination);
    const earliestS = ctx.currentTime + this.leadS;
    const continuation = this.lastResponseId === meta.responseId;
    const startTimeS = Math.max(earliestS, this.nextStartTimeS);
    const underrun = continuation && startTimeS > this.nextStartTimeS + 1e-4;
    const chunk: ScheduledChunk = { ...meta, source, startTimeS, durationS: buffer.duration };
    source.onended = () => {
      if (!this.retainFinished) this.remove(chunk);
    };
    source.start(startTimeS);
    this.queue.push(chunk);
    this.nextStartTimeS = startTimeS + buffer.duration;
    this.lastResponseId = meta.responseId;
    this.scheduledChunks++;
    if (underrun) this.underruns++;
    return { underrun, pendingChunks: this.queue.length };
  }

  /** True while some scheduled audio has not finished playing. */
  isPlaying(): boolean {
    return (this.nextStartTimeS > this.audioContext.currentTime && this.queue.length > 0) || this.held.length > 0;
  }

  /** The item whose audio was scheduled last, or null when nothing is scheduled. */
  currentItemId(): string | null {
    return this.queue.at(-1)?.itemId ?? this.held.at(-1)?.meta.itemId ?? null;
  }

  /** Milliseconds of the item's audio that actually played (finished chunks plus the playing part). */
  playedMsForItem(itemId: string): number {
    const nowS = this.audioContext.currentTime;
    let playedS = 0;
    for (const chunk of this.queue) {
      if (chunk.itemId !== itemId) continue;
      playedS += Math.min(chunk.durationS, Math.max(0, nowS - chunk.startTimeS));
    }
    return playedS * 1000 + (this.finishedMsByItem.get(itemId) ?? 0);
  }

  /** Stops every scheduled source; with retainFinished the entries stay (the queue is never drained). */
  stopAll(): void {
    if (this.heldTimer !== null) clearTimeout(this.heldTimer);
    this.heldTimer = null;
    this.held.length = 0;
    this.lastArrivedResponseId = null;
    for (const chunk of this.queue) {
      chunk.source.onended = null;
      try {
        chunk.source.stop();
      } catch {
        // already stopped
      }
      chunk.source.disconnect();
    }
    if (!this.retainFinished) this.queue.length = 0;
    this.finishedMsByItem.clear();
    this.nextStartTimeS = 0;
    this.lastResponseId = null;
  }

  /** Removes chunks that have finished playing (the monitor's cleanup safeguard); returns how many. */
  dropFinished(): number {
    const nowS = this.audioContext.currentTime;
    const finished = this.queue.filter((c) => c.startTimeS + c.durationS <= nowS);
    for (const chunk of finished) this.remove(chunk);
    return finished.length;
  }

  private remove(chunk: ScheduledChunk): void {
    const index = this.queue.indexOf(chunk);
    if (index < 0) return;
    this.queue.splice(index, 1);
    chunk.source.disconnect();
    const playedMs = (this.finishedMsByItem.get(chunk.itemId) ?? 0) + chunk.durationS * 1000;
    this.finishedMsByItem.delete(chunk.itemId);
    this.finishedMsByItem.set(chunk.itemId, playedMs);
    if (this.finishedMsByItem.size > 8) this.finishedMsByItem.delete(this.finishedMsByItem.keys().next().value as string);
  }
}
