/**
 * Gap-free reply playback with Web Audio scheduling: each chunk starts at max(now + lead, nextStartTime).
 * The queue holds chunks scheduled but not yet finished; its length is "chunks pending playback".
 * An underrun is a chunk that continues the same response but had to start after the previous one ended
 * (an audible gap). With `retainFinished` (the audio-backlog fault) finished chunks are never removed.
 */
export interface PlaybackChunkMeta {
  responseId: string;
  itemId: string;
}

interface ScheduledChunk extends PlaybackChunkMeta {
  source: AudioBufferSourceNode;
  startTimeS: number;
  durationS: number;
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

  constructor(
    private readonly audioContext: AudioContext,
    private readonly retainFinished = false,
    private readonly leadS = 0.05,
  ) {}

  get queueLength(): number {
    return this.queue.length;
  }

  schedule(samples: Float32Array, meta: PlaybackChunkMeta): ScheduleResult {
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
    return this.nextStartTimeS > this.audioContext.currentTime && this.queue.length > 0;
  }

  /** The item whose audio was scheduled last, or null when nothing is scheduled. */
  currentItemId(): string | null {
    return this.queue.at(-1)?.itemId ?? null;
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
