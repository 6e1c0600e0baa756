/**
 * Drive a (scaled) conversation script through the fake mic against the page:
 * click Start, wait for the app to connect, then for each turn: silence, 'turn-start', optional reconnect, speak,
 * wait for the reply (or a gap, or the barge-in point), 'turn-end', and a forced-GC sample at the boundary.
 * Long silences are plain waits. With a deadline the script repeats until deadlineMs (harness tMs); nothing new
 * starts after it and silences are cut to it (a turn in progress finishes).
 * Cycles (cycles.count > 1): a `cycle` record (cycle 0) after a forced GC before the first start; the run is split
 * into count even shares, and at each share's end, once the last turn's reply has finished, the harness hangs up
 * (cycles.control), waits CYCLE_SETTLE_MS for closes to land, forces a GC and writes the next `cycle` record, then
 * starts again; after the last share it hangs up once more and writes the last record.
 * turn-start / turn-end details are JSON so the analyzer can tell planned barge-ins from unplanned interruptions:
 *   turn-start {"utterance","then","bargeInAfterMs"?,"reconnect"?}
 *   turn-end   {"outcome":"reply"|"reply-timeout"|"barge-in"|"no-first-audio"|"gap","via","spokenMs"}
 */
import type { Page } from '@playwright/test';
import type { CdpSample, CycleRecord, LogRecord, MicSpeech } from '../../log/log-schema.ts';
import type { HarnessClock } from '../recording/harness-clock.ts';
import type { RecordSink } from '../recording/record-sink.ts';
import type { ConversationMic, SpokenSpeech } from '../mic/conversation-mic.ts';
import type { PushToTalkControl } from '../app-control/push-to-talk-control.ts';
import type { ConversationScript, ScriptTurn } from './conversation-script-schema.ts';
import { cycleRecordFromSample } from './cycle-record.ts';
import type { HangUpControl, HangUpHow } from './hang-up-control.ts';
import { createReplyWatcher } from './reply-watcher.ts';
import { waitForConnection } from './wait-for-connection.ts';
import { quietEvaluate } from '../browser-calls/quiet-evaluate.ts';

export interface RunConversationOptions {
  page: Page;
  script: ConversationScript;
  mic: ConversationMic;
  sink: Pick<RecordSink, 'write' | 'onRecord'>;
  clock: Pick<HarnessClock, 'nowMs' | 'startedAtEpochMs'>;
  gcSample: (reason: string) => Promise<CdpSample | undefined>;
  /** A fresh drain of the in-page monitor (so rt records are current while waiting). */
  pullMonitor: () => Promise<unknown>;
  startSelector?: string;
  deadlineMs?: number;
  /** SOAK_PUSH_TO_TALK: held from just before each utterance until just after it. */
  pushToTalk?: PushToTalkControl;
  /** Wraps each turn, e.g. in a Playwright step so reports show the conversation turn by turn. */
  wrapTurn?: <T>(turn: number, utterance: string, body: () => Promise<T>) => Promise<T>;
  /** Conversations in the run and how to hang up; count 1 (or absent) never hangs up. */
  cycles?: { count: number; control: HangUpControl };
}

/** Time after a hang-up for asynchronous closes (AudioContext.close(), socket close handshakes) to land. */
export const CYCLE_SETTLE_MS = 500;
/** Turn outcomes after which no reply is still in flight, so hanging up interrupts nothing. */
const SETTLED_OUTCOMES = new Set(['reply', 'reply-timeout', 'no-first-audio']);

const PTT_LEAD_MS = 150;
const PTT_TAIL_MS = 250;
const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export async function runConversation(options: RunConversationOptions): Promise<{ turns: number }> {
  const { page, script, mic, sink, clock } = options;
  const deadlineMs = options.deadlineMs ?? Number.POSITIVE_INFINITY;
  const event = (kind: 'turn-start' | 'turn-end' | 'reconnect' | 'note', detail: string, turn?: number) =>
    sink.write({ type: 'harness', tMs: clock.nowMs(), kind, detail, ...(turn === undefined ? {} : { turn }) });
  const watcher = createReplyWatcher({ nowMs: clock.nowMs, pullNow: options.pullMonitor });
  const records: LogRecord[] = [];
  const unsubscribe = sink.onRecord((record) => {
    watcher.observe(record);
    if (record.type === 'ws' || record.type === 'dc') records.push(record);
  });
  let turn = 0;
  let lastOutcome = 'reply';
  // Lowered to the cycles done when hanging up or starting again fails (a stop control that is not there).
  let cycleCount = options.cycles && Number.isFinite(deadlineMs) ? options.cycles.count : 1;
  let cycle = 0;
  // A crashed renderer is not closed (page.isClosed() stays false), but nothing more can happen in it.
  let crashed = false;
  const onCrash = () => (crashed = true);
  page.once('crash', onCrash);
  try {
    if (cycleCount > 1) await recordCycle(0, 'baseline');
    if (options.startSelector) {
      await page.click(options.startSelector, { timeout: 15_000 });
      event('note', `clicked start ${options.startSelector}`);
    }
    const connected = await waitForConnection(page, () => records, 15_000);
    if (!connected) event('note', 'no open WebSocket seen 15 s after start; continuing');
    await options.gcSample('conversation-start');
    const firstStartMs = clock.nowMs();
    const cycleEndMs = (k: number) => firstStartMs + ((deadlineMs - firstStartMs) * k) / cycleCount;
    let bargeInPending = false;
    // The scaled script once, then again from the top while run time is left (real replies are rarely as long as
    // the estimates), so a run lasts its duration.
    for (let i = 0; ; i++) {
      if (page.isClosed() || crashed || clock.nowMs() >= deadlineMs) break;
      if (i > 0 && i % script.entries.length === 0) {
        if (!Number.isFinite(deadlineMs)) break;
        event('note', `script repeated from the top (pass ${i / script.entries.length + 1})`);
      }
      if (cycle + 1 < cycleCount && clock.nowMs() >= cycleEndMs(cycle + 1) && SETTLED_OUTCOMES.has(lastOutcome)) {
        await nextCycle();
        bargeInPending = false;
        if (page.isClosed() || crashed || clock.nowMs() >= deadlineMs) break;
      }
      const entry = script.entries[i % script.entries.length]!;
      if (entry.kind === 'long-silence') {
        event('note', `long-silence ${entry.durationMs} ms`);
        const untilMs = cycle + 1 < cycleCount ? Math.min(deadlineMs, cycleEndMs(cycle + 1)) : deadlineMs;
        await mic.silence(page, Math.min(entry.durationMs, untilMs - clock.nowMs()));
        bargeInPending = false;
        lastOutcome = 'reply';
        continue;
      }
      turn++;
      if (!bargeInPending && entry.silenceBeforeMs) await mic.silence(page, Math.min(entry.silenceBeforeMs, deadlineMs - clock.nowMs()));
      const n = turn;
      bargeInPending = options.wrapTurn ? await options.wrapTurn(n, entry.utterance, () => runTurn(entry, n)) : await runTurn(entry, n);
    }
    if (clock.nowMs() >= deadlineMs) event('note', `script stopped at the run duration after ${turn} turns`);
    if (cycleCount > 1 && !page.isClosed() && !crashed) {
      cycle++;
      const how = await options.cycles!.control.hangUp(page).catch((error: unknown) => {
        event('note', `cycle ${cycle}: hanging up failed (${firstLine(error)}); not recorded`);
        return null;
      });
      if (how) await recordCycle(cycle, how);
    }
  } finally {
    unsubscribe();
    page.off('crash', onCrash);
  }
  return { turns: turn };

  async function runTurn(entry: ScriptTurn, n: number): Promise<boolean> {
    const startMs = clock.nowMs();
    const { kind: _kind, silenceBeforeMs: _silence, replyTimeoutMs: _timeout, ...described } = entry;
    event('turn-start', JSON.stringify(described), n);
    if (entry.reconnect) await reconnect(n);
    const spoken = await speak(entry.utterance, n);
    if (spoken.speech) sink.write(micRecord(spoken.speech, n));
    // After speaking: a previous reply cancelled by this turn's speech is already counted in the baseline.
    const baseline = await watcher.mark(page);
    const replyTimeoutMs = entry.replyTimeoutMs ?? script.replyTimeoutMs;
    let outcome: string;
    let via = 'none';
    if (entry.bargeInAfterMs !== undefined) {
      const first = await watcher.waitFor(page, 'first-audio', startMs, baseline, replyTimeoutMs);
      via = first.via;
      if (first.reached) await sleep(entry.bargeInAfterMs);
      outcome = first.reached ? 'barge-in' : 'no-first-audio';
    } else if (entry.then === 'wait-reply') {
      const done = await watcher.waitFor(page, 'done', startMs, baseline, replyTimeoutMs);
      via = done.via;
      outcome = done.reached ? 'reply' : 'reply-timeout';
    } else {
      await sleep(entry.then.gapMs);
      outcome = 'gap';
    }
    event('turn-end', JSON.stringify({ outcome, via, spokenMs: Math.round(spoken.durationMs) }), n);
    lastOutcome = outcome;
    if (outcome !== 'barge-in') await options.gcSample(`turn ${n} end`);
    return outcome === 'barge-in';
  }

  /** Hang up, record the cycle that ended, start the next conversation and wait for it to connect. */
  async function nextCycle(): Promise<void> {
    const control = options.cycles!.control;
    cycle++;
    let how: HangUpHow;
    try {
      how = await control.hangUp(page);
      event('note', `cycle ${cycle} hung up (${how})`);
      await recordCycle(cycle, how);
      await control.startAgain(page, how);
    } catch (error) {
      // The conversation goes on as one (or is over, if starting again failed); cycle-leak judges what was recorded.
      event('note', `cycle ${cycle}: hanging up or starting again failed (${firstLine(error)}); no more cycles`);
      cycleCount = cycle;
      return;
    }
    const sinceMs = clock.nowMs();
    if (!(await waitForConnection(page, () => records, 15_000, sinceMs))) event('note', `cycle ${cycle + 1}: no connection within 15 s of starting again`);
    await options.gcSample(`cycle ${cycle + 1} start`);
  }

  async function recordCycle(n: number, how: CycleRecord['hungUpBy']): Promise<void> {
    if (n > 0) await sleep(CYCLE_SETTLE_MS);
    const sample = await options.gcSample(`cycle ${n} ${n === 0 ? 'baseline' : 'ended'}`);
    if (sample) sink.write(cycleRecordFromSample(sample, n, how));
    else event('note', `cycle ${n}: no sample after the forced GC, not recorded`);
  }

  /** The utterance's speech on the harness clock (the mouth edge of mouth-to-ear latency). */
  function micRecord(speech: SpokenSpeech, n: number): MicSpeech {
    const at = (epochMs: number) => Math.max(0, Math.round((epochMs - clock.startedAtEpochMs) * 10) / 10);
    return { type: 'mic', tMs: at(speech.startEpochMs), endMs: at(speech.endEpochMs), turn: n, utterance: speech.utterance, precise: speech.precise };
  }

  async function speak(utterance: string, n: number) {
    const ptt = options.pushToTalk;
    if (!ptt) return mic.say(page, utterance, n);
    await ptt.press(page);
    // A person presses, then talks, and lets go a moment after the last word (apps drop audio captured after release).
    await sleep(PTT_LEAD_MS);
    try {
      return await mic.say(page, utterance, n);
    } finally {
      await sleep(PTT_TAIL_MS);
      await ptt.release(page).catch(() => undefined);
    }
  }

  async function reconnect(n: number) {
    const called = await quietEvaluate(page, async () => {
      const app = (globalThis as { voiceApp?: { reconnect?: () => unknown } }).voiceApp;
      if (typeof app?.reconnect !== 'function') return false;
      await app.reconnect();
      return true;
    }).catch(() => false);
    event('reconnect', called ? 'planned: window.voiceApp.reconnect()' : 'skipped: the app has no window.voiceApp.reconnect()', n);
    if (called && !(await waitForConnection(page, () => records, 15_000, clock.nowMs()))) event('note', 'no reconnection within 15 s', n);
  }
}
