/**
 * A reply's speech synthesized in slices of at most SLICE_MS of CPU, one per event-loop turn (setImmediate), so the
 * timers that pace audio (a WebRTC call's 20 ms RTP packets, a socket's deltas) keep their time while it runs.
 */
import { speechSynthesisSteps } from './speech-synth.ts';
import type { ReplyPlan } from './reply-plan.ts';
import type { Random } from '../../../harness/synth/seeded-random.ts';

const SLICE_MS = 3;

export class BackgroundSynthesis {
  private pcm: Int16Array | null = null;
  private waiting: (() => void) | null = null;
  private immediate: NodeJS.Immediate | null = null;

  constructor(plan: ReplyPlan, random: Random) {
    const steps = speechSynthesisSteps(plan, random);
    const slice = (): void => {
      this.immediate = null;
      const until = performance.now() + SLICE_MS;
      for (;;) {
        const step = steps.next();
        if (step.done) {
          this.pcm = step.value;
          const waiting = this.waiting;
          this.waiting = null;
          waiting?.();
          return;
        }
        if (performance.now() >= until) break;
      }
      this.immediate = setImmediate(slice);
    };
    slice();
  }

  /** The pcm16, once synthesized. */
  get samples(): Int16Array | null {
    return this.pcm;
  }

  /** `ready` runs once the pcm is there (at once if it already is); a later call replaces an earlier one. */
  whenReady(ready: () => void): void {
    if (this.pcm) ready();
    else this.waiting = ready;
  }

  cancel(): void {
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = null;
    this.waiting = null;
  }
}
