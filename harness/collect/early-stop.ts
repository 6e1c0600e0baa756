/**
 * Why a soak stops before its script ends, decided by the harness: the page stopped answering, the log can no
 * longer be written (disk full). The conversation races `stopped`; stop() keeps the first reason, which becomes the
 * run-end reason (so the report says "partial: <reason> at <time>") unless the caller already has its own.
 */
export interface EarlyStop {
  /** The first reason given, or null while the run goes on. */
  readonly reason: string | null;
  /** Resolves at the first stop(). */
  readonly stopped: Promise<void>;
  stop(reason: string): void;
}

export function createEarlyStop(): EarlyStop {
  let reason: string | null = null;
  let resolve: () => void = () => undefined;
  const stopped = new Promise<void>((r) => (resolve = r));
  return {
    get reason() {
      return reason;
    },
    stopped,
    stop(why) {
      if (reason !== null) return;
      reason = why;
      resolve();
    },
  };
}
