/** An app-side leak fault that leaks a little on every reply audio delta (detached-dom, listener-leak). */
export interface DeltaLeak {
  /** The fault spec as the faults-applied mark names it (`detached-dom:4`). */
  readonly spec: string;
  onAudioDelta(samples: Float32Array, itemId: string): void;
  /** How many things it leaked so far (nodes, listeners). */
  readonly leaked: number;
}
