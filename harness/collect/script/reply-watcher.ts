/**
 * Is the app replying, and has the reply finished? Two signals, whichever answers first:
 *  - any app: the in-page monitor's rt records (response-created after the turn began, then first-audio /
 *    response-done; "finished" also waits for the reply audio received to have had time to play out);
 *  - apps with the test surface `window.voiceApp.state()` (the embedded app): receivedAudioChunks grew /
 *    responsesDone grew and playbackQueueLength is 0. Only a fallback for when no rt record was ever seen (no
 *    monitor): its counters cannot tell this turn's reply from the previous one cancelled by this turn's speech.
 *  - any app, whatever its protocol, when no rt record was ever seen: the output tap's audio-out frames after the
 *    caller's last end of speech (mic records): an audible frame ECHO_GUARD_MS after it is the reply starting, and
 *    REPLY_END_SILENCE_MS of silence after the last audible frame is the reply finished (longer than any pause
 *    inside a reply, and than the playback-gaps budget).
 * Polls every pollMs; each poll first asks for a fresh monitor drain (pullNow) so rt records are current.
 */
import type { Page } from '@playwright/test';
import { AUDIBLE_DB } from '../../log/audio-levels.ts';
import type { LogRecord, RtEvent } from '../../log/log-schema.ts';
import { quietEvaluate } from '../browser-calls/quiet-evaluate.ts';

const PCM16_24K_BYTES_PER_MS = 48;
const ECHO_GUARD_MS = 300;
export const REPLY_END_SILENCE_MS = 1_500;

interface AppCounters {
  receivedAudioChunks: number;
  responsesDone: number;
  playbackQueueLength: number;
}

export interface ReplyWaitResult {
  reached: boolean;
  /** Harness tMs when it was reached (or gave up). */
  atMs: number;
  via: 'rt' | 'app-state' | 'audio' | 'timeout';
}

export interface ReplyWatcher {
  observe(record: LogRecord): void;
  /** Snapshot the app counters at a turn's start. */
  mark(page: Page): Promise<AppCounters | null>;
  waitFor(page: Page, goal: 'first-audio' | 'done', sinceMs: number, baseline: AppCounters | null, timeoutMs: number): Promise<ReplyWaitResult>;
}

function readAppCounters(): AppCounters | null {
  const app = (globalThis as { voiceApp?: { state?: () => Partial<AppCounters> } }).voiceApp;
  const state = typeof app?.state === 'function' ? app.state() : null;
  if (!state || typeof state.responsesDone !== 'number') return null;
  return { receivedAudioChunks: state.receivedAudioChunks ?? 0, responsesDone: state.responsesDone, playbackQueueLength: state.playbackQueueLength ?? 0 };
}

export function createReplyWatcher(options: { nowMs: () => number; pullNow: () => Promise<unknown>; pollMs?: number }): ReplyWatcher {
  const rt: RtEvent[] = [];
  const pollMs = options.pollMs ?? 250;
  // What the output tap heard since the caller's last end of speech.
  let speechEndMs: number | null = null;
  let firstHeardMs: number | null = null;
  let lastHeardMs: number | null = null;

  const audioReached = (goal: 'first-audio' | 'done'): boolean => {
    if (rt.length > 0 || firstHeardMs === null) return false;
    return goal === 'first-audio' || options.nowMs() - (lastHeardMs ?? firstHeardMs) >= REPLY_END_SILENCE_MS;
  };

  const rtReached = (goal: 'first-audio' | 'done', sinceMs: number): boolean => {
    const responses = new Set(rt.filter((e) => e.kind === 'response-created' && e.tMs >= sinceMs).map((e) => (e as { responseId: string }).responseId));
    if (responses.size === 0) return false;
    const mine = rt.filter((e) => 'responseId' in e && responses.has(e.responseId));
    const firstAudio = mine.find((e) => e.kind === 'first-audio');
    if (goal === 'first-audio') return firstAudio !== undefined;
    const done = mine.find((e) => e.kind === 'response-done');
    if (!done || !firstAudio) return done !== undefined;
    const audioMs = mine.reduce((sum, e) => sum + (e.kind === 'audio-delta' ? e.bytes : 0), 0) / PCM16_24K_BYTES_PER_MS;
    return options.nowMs() >= Math.max(done.tMs, firstAudio.tMs + audioMs);
  };

  const appReached = (goal: 'first-audio' | 'done', now: AppCounters | null, baseline: AppCounters | null): boolean => {
    if (!now || !baseline) return false;
    if (goal === 'first-audio') return now.receivedAudioChunks > baseline.receivedAudioChunks;
    return now.responsesDone > baseline.responsesDone && now.playbackQueueLength === 0;
  };

  return {
    observe(record) {
      if (record.type === 'rt') rt.push(record);
      if (record.type === 'mic') {
        speechEndMs = record.endMs;
        firstHeardMs = null;
        lastHeardMs = null;
      }
      if (record.type === 'monitor' && record.kind === 'audio-out' && speechEndMs !== null) {
        record.levelsDb.forEach((level, i) => {
          const t = record.tMs + i * record.frameMs;
          if (level <= AUDIBLE_DB || t < speechEndMs! + ECHO_GUARD_MS) return;
          firstHeardMs ??= t;
          lastHeardMs = Math.max(lastHeardMs ?? t, t + record.frameMs);
        });
      }
      if (rt.length > 20_000) rt.splice(0, 10_000);
    },
    mark: (page) => quietEvaluate(page, readAppCounters).catch(() => null),
    async waitFor(page, goal, sinceMs, baseline, timeoutMs) {
      const deadline = options.nowMs() + timeoutMs;
      for (;;) {
        await options.pullNow().catch(() => undefined);
        if (rtReached(goal, sinceMs)) return { reached: true, atMs: options.nowMs(), via: 'rt' };
        if (audioReached(goal)) return { reached: true, atMs: options.nowMs(), via: 'audio' };
        const counters = page.isClosed() || rt.length > 0 ? null : await quietEvaluate(page, readAppCounters).catch(() => null);
        if (appReached(goal, counters, baseline)) return { reached: true, atMs: options.nowMs(), via: 'app-state' };
        if (options.nowMs() >= deadline || page.isClosed()) return { reached: false, atMs: options.nowMs(), via: 'timeout' };
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    },
  };
}
