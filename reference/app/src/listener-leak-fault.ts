/**
 * App-side fault `listener-leak:LISTENERS_PER_DELTA`: every reply audio delta registers a `visibilitychange`
 * listener on the document (to pause a level meter when the tab hides) and never removes it. Each listener's
 * closure keeps that chunk's meter state (its item id and a 128-point level envelope) alive, as such closures do.
 */
import type { DeltaLeak } from './delta-leak.ts';

export function startListenerLeak(listenersPerDelta: number, target: EventTarget = document): DeltaLeak {
  let leaked = 0;

  function watchVisibility(samples: Float32Array, itemId: string): void {
    const step = Math.max(1, Math.floor(samples.length / 128));
    const envelope: number[] = [];
    for (let i = 0; i < samples.length; i += step) envelope.push(Math.abs(samples[i] ?? 0) + 0.5);
    const meter = { itemId, envelope, paused: false };
    for (let n = 0; n < listenersPerDelta; n++) {
      target.addEventListener('visibilitychange', () => {
        meter.paused = document.visibilityState === 'hidden';
      });
      leaked++;
    }
  }

  return {
    spec: `listener-leak:${listenersPerDelta}`,
    onAudioDelta: watchVisibility,
    get leaked() {
      return leaked;
    },
  };
}
