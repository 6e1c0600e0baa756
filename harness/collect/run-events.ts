/**
 * What happens to a run besides its conversation, and how the harness cuts the conversation short
 * (early-stop.ts keeps the first reason): a renderer crash or the browser gone (a 'crash' note), the page
 * unresponsive (the sampler says so), the log no longer writable (stopOnLogFailure); and, each sampler tick, a wall
 * clock jump (clock-jump-watch.ts) and the sockets CDP saw close ('ws-closed'). untilStopped() races the
 * conversation against all of them.
 */
import type { Browser, Page } from '@playwright/test';
import { createClockJumpWatch } from './clock-jump-watch.ts';
import type { EarlyStop } from './early-stop.ts';
import type { HarnessClock } from './recording/harness-clock.ts';
import type { RecordSink } from './recording/record-sink.ts';

export interface RunEvents {
  /** Crash, browser gone (during the run, not after it) and page closed, from the page's and browser's events. */
  watch(page: Page): void;
  /** Once per sampler tick: writes a clock-jump record when the wall clock jumped since the last tick. */
  tick(): void;
  socketClosed(url: string): void;
  unresponsive(sinceMs: number): void;
  /** The run is being stopped: the browser closing from now on is expected. */
  ended(): void;
  /** Waits for the conversation or an early stop; a conversation that failed because the page died is that stop. */
  untilStopped(conversation: Promise<unknown>): Promise<void>;
}

const atS = (clock: Pick<HarnessClock, 'nowMs'>) => `${(clock.nowMs() / 1000).toFixed(1)} s`;

/** The log writer's onFailure: a full disk stops the run (one line now; the log keeps every whole record before it). */
export function stopOnLogFailure(early: EarlyStop, clock: Pick<HarnessClock, 'nowMs'>, logPath: string): (why: string) => void {
  return (why) => {
    const reason = `log write failed at ${atS(clock)} (${why})`;
    console.error(`voice-soak: ${logPath}: ${reason}; the soak stops, its log holds every record until then`);
    early.stop(reason);
  };
}

export function createRunEvents(options: {
  early: EarlyStop;
  browser: Browser;
  sink: Pick<RecordSink, 'write'>;
  clock: Pick<HarnessClock, 'nowMs'>;
}): RunEvents {
  const { early, browser, sink, clock } = options;
  const clockJumps = createClockJumpWatch(clock.nowMs);
  const note = (kind: 'note' | 'crash', detail: string) => sink.write({ type: 'harness', tMs: clock.nowMs(), kind, detail });
  let ended = false;
  let browserGoneNoted = false;
  const browserGone = () => {
    if (!browserGoneNoted) note('crash', 'browser disconnected (killed, crashed or closed during the run)');
    browserGoneNoted = true;
    early.stop(`browser gone at ${atS(clock)}`);
  };
  return {
    watch(page) {
      // A dead renderer or browser answers nothing more: the conversation stops there instead of waiting turn by turn.
      page.on('crash', () => {
        note('crash', 'renderer crashed (page.on("crash"))');
        early.stop(`renderer crashed at ${atS(clock)}`);
      });
      browser.on('disconnected', () => {
        if (ended) return; // closed after the run, as it should be
        browserGone();
      });
      page.on('close', () => note('note', 'page closed'));
    },
    tick() {
      const jump = clockJumps.check();
      if (jump) sink.write(jump);
    },
    socketClosed: (url) => sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'ws-closed', detail: `socket closed: ${url}`, data: { url } }),
    unresponsive: (sinceMs) => early.stop(`page unresponsive since ${(sinceMs / 1000).toFixed(1)} s`),
    ended() {
      ended = true;
    },
    async untilStopped(conversation) {
      conversation.catch(() => undefined); // it may still fail on the hung page after we stopped waiting
      const failed = await Promise.race([
        conversation.then(
          () => null,
          (error: unknown) => ({ error }),
        ),
        early.stopped.then(() => null),
      ]);
      // A call on a page whose browser or renderer just died fails before the 'disconnected' or 'crash' event
      // arrives: give it a moment, then it is the same stop.
      if (failed && early.reason === null) await Promise.race([early.stopped, new Promise((resolve) => setTimeout(resolve, 1_000))]);
      // On a loaded machine the 'disconnected' event can come later still: the crash is noted here then, once.
      if (failed && !browser.isConnected()) browserGone();
      if (failed && early.reason === null) throw failed.error;
      if (early.reason !== null) note('note', `conversation stopped: ${early.reason}`);
    },
  };
}
