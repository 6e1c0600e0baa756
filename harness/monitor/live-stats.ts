/**
 * The last two minutes of what the panel graphs, one point per sample tick: heap used, the slowest message
 * handler of the second, the latest time to first response, the WebSocket bytes buffered (all sockets) and the
 * audio chunks pending. Bounded (120 points each); updated whether or not the panel is visible, drawn only when it is.
 */
import type { PanelGraphId } from './panel/mount-panel.ts';
import { RingBuffer } from './ring-buffer.ts';

/** One series per graph of the panel. */
export type LiveSeriesId = PanelGraphId;
export const LIVE_POINTS = 120;

export class LiveStats {
  readonly series: Record<LiveSeriesId, RingBuffer<number>> = {
    heapUsedMb: new RingBuffer(LIVE_POINTS),
    handlerMaxMs: new RingBuffer(LIVE_POINTS),
    ttfrMs: new RingBuffer(LIVE_POINTS),
    wsBufferedBytes: new RingBuffer(LIVE_POINTS),
    pendingChunks: new RingBuffer(LIVE_POINTS),
  };
  private handlerMaxMs = 0;
  pendingChunks = 0;
  ttfrMs: number | null = null;

  noteHandler(handlerMs: number): void {
    if (handlerMs > this.handlerMaxMs) this.handlerMaxMs = handlerMs;
  }

  /** Closes the current second. */
  push(heapUsedBytes: number | null, wsBufferedBytes: number): void {
    if (heapUsedBytes !== null) this.series.heapUsedMb.push(heapUsedBytes / (1024 * 1024));
    this.series.handlerMaxMs.push(this.handlerMaxMs);
    if (this.ttfrMs !== null) this.series.ttfrMs.push(this.ttfrMs);
    this.series.wsBufferedBytes.push(wsBufferedBytes);
    this.series.pendingChunks.push(this.pendingChunks);
    this.handlerMaxMs = 0;
  }

  clear(): void {
    for (const ring of Object.values(this.series)) ring.clear();
    this.handlerMaxMs = 0;
  }
}
