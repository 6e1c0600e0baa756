/**
 * App-side fault `detached-dom:NODES_PER_DELTA`: every reply audio delta renders a caption (a `<span>` with its
 * text) into the transcript, and the next delta removes it from the document but keeps it in `captionHistory` with
 * its text and level, as a "recent captions" feature that never trims would. NODES_PER_DELTA spans per delta; each
 * is a detached element plus its text node (what CDP's DOM node count sees); its JS wrapper and history entry stay
 * on the V8 heap (what the sampling heap profiler sees).
 */
import type { DeltaLeak } from './delta-leak.ts';

export function startDetachedDomLeak(nodesPerDelta: number, container: HTMLElement | null = document.body): DeltaLeak {
  const captionHistory: Array<{ element: HTMLSpanElement; text: string; peak: number; shownAtMs: number }> = [];
  let shown: HTMLSpanElement[] = [];

  function renderCaptions(samples: Float32Array, itemId: string): void {
    for (const old of shown) old.remove();
    shown = [];
    let peak = 0;
    for (let i = 0; i < samples.length; i += 64) peak = Math.max(peak, Math.abs(samples[i] ?? 0));
    for (let n = 0; n < nodesPerDelta; n++) {
      const caption = document.createElement('span');
      caption.className = 'caption';
      caption.dataset.item = itemId;
      const text = `level ${peak.toFixed(3)} #${captionHistory.length} of ${itemId}`;
      caption.textContent = text;
      container?.append(caption);
      shown.push(caption);
      captionHistory.push({ element: caption, text, peak, shownAtMs: performance.now() });
    }
  }

  return {
    spec: `detached-dom:${nodesPerDelta}`,
    onAudioDelta: renderCaptions,
    get leaked() {
      return captionHistory.length - shown.length;
    },
  };
}
