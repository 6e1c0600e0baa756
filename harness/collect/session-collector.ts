/**
 * The one lifecycle every collector of a soak session has (session-collectors.ts lists them, in order):
 *  - install(): before the page opens: init scripts, bindings, routes, CDP listeners, and the sampling that should
 *    see the page load (the CDP sampler, the heap profiler);
 *  - start(): after the page has opened, for what needs the loaded page (the renderer's pid);
 *  - stop(outcome): at the end of the run, in reverse order, so a collector stops before those it was built on
 *    (the heap checkpoints before the sampler whose lock they take, the sampler before the monitor pull it drives).
 *    'failed-to-start' (the page did not open, a start step failed): each lets go of what it holds and writes no
 *    end-of-run data. Only collectors whose install() finished are stopped.
 */
export type RunOutcome = 'ran' | 'failed-to-start';

export interface SessionCollector {
  /** What it collects, for people reading the list. */
  readonly name: string;
  install?(): Promise<void>;
  start?(): Promise<void>;
  stop?(outcome: RunOutcome): Promise<void>;
}

export interface CollectorLifecycle {
  /** Installs each collector in list order. */
  install(): Promise<void>;
  /** Starts the installed collectors in list order. */
  start(): Promise<void>;
  /** Stops the installed collectors in reverse order; a second call does nothing. */
  stop(outcome: RunOutcome): Promise<void>;
}

export function collectorLifecycle(collectors: readonly SessionCollector[]): CollectorLifecycle {
  const installed: SessionCollector[] = [];
  return {
    async install() {
      for (const collector of collectors) {
        await collector.install?.();
        installed.push(collector);
      }
    },
    async start() {
      for (const collector of installed) await collector.start?.();
    },
    async stop(outcome) {
      for (const collector of installed.splice(0).reverse()) await collector.stop?.(outcome);
    },
  };
}
