/**
 * The sampling heap profiler over a soak: HeapProfiler.startSampling at start (live objects only: the profile
 * answers "what is still held", not "what churns"), then checkpoints: after a forced GC (the sampler's turn-boundary
 * `gc` records) at most every checkpointEveryMs, and a last one with its own GC at finish() (gc-checkpoint-schedule.ts). Each checkpoint is one
 * HeapProfiler.getSamplingProfile under the sampler's lock (so no sample overlaps it; about 10 ms), then, outside
 * the lock, aggregated per call path (heap-profile-aggregate.ts), source-mapped where the page serves maps, and
 * written as a `heap-sites` record. Judges nothing. A failed or timed-out call is a note; the soak goes on.
 */
import type { HeapSitesRecord } from '../log/heap-sites-schema.ts';
import type { CdpSessionLike } from './browser-calls/cdp-session-like.ts';
import { createGcCheckpointSchedule, type SamplerLock } from './gc-checkpoint-schedule.ts';
import type { HarnessClock } from './recording/harness-clock.ts';
import { aggregateSamplingProfile } from './heap-profile-aggregate.ts';
import { createSourceMapResolver, type FetchText } from './heap-profile-source-maps.ts';
import type { SamplingHeapProfile } from './heap-profile-types.ts';
import type { RecordSink } from './recording/record-sink.ts';
import { withTimeout } from './browser-calls/with-timeout.ts';

export interface HeapProfileOptions {
  session: CdpSessionLike;
  sink: Pick<RecordSink, 'write' | 'onRecord'>;
  clock: Pick<HarnessClock, 'nowMs'>;
  /** The sampler's lock: a checkpoint never overlaps a sample. */
  exclusive: SamplerLock;
  samplingIntervalBytes: number;
  checkpointEveryMs: number;
  /** Fetches scripts and source maps (through the page); without it sites stay unmapped. */
  fetchText?: FetchText;
  timeoutMs?: number;
  maxSites?: number;
}

export interface HeapProfileCheckpoints {
  start(): Promise<void>;
  /** A last checkpoint after a forced GC, then stopSampling; waits for every record to be written. */
  finish(): Promise<void>;
  stats(): { checkpoints: number; maxProfileMs: number };
}

export function createHeapProfileCheckpoints(options: HeapProfileOptions): HeapProfileCheckpoints {
  const { session, sink, clock, samplingIntervalBytes } = options;
  const timeoutMs = options.timeoutMs ?? 2_000;
  const note = (detail: string) => sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'note', detail });
  const maps = options.fetchText ? createSourceMapResolver(options.fetchText, note) : null;
  const send = <T>(method: string, params?: object) => withTimeout(Promise.resolve(session.send(method, params) as Promise<T>), timeoutMs, method);
  let running = false;
  let writing: Promise<void> = Promise.resolve();
  const stats = { checkpoints: 0, maxProfileMs: 0 };

  async function write(profile: SamplingHeapProfile, tMs: number, profileMs: number, reason: string): Promise<void> {
    const aggregated = aggregateSamplingProfile(profile, { maxSites: options.maxSites ?? 40 });
    if (maps) {
      const urls = new Set(aggregated.sites.flatMap((s) => [s.url, ...s.callers.map((c) => c.url)]));
      await maps.prepare(urls);
      for (const frame of aggregated.sites.flatMap((s) => [s, ...s.callers])) {
        const source = maps.lookup(frame.url, frame.line, frame.col);
        if (source) frame.source = source;
      }
    }
    const record: HeapSitesRecord = { type: 'heap-sites', tMs, reason, samplingIntervalBytes, profileMs, ...aggregated };
    sink.write(record, 'heap-profile');
  }

  /** Under the sampler's lock: (GC,) profile; the rest is queued outside it, in checkpoint order. */
  async function checkpoint(reason: string, collectGarbage: boolean): Promise<void> {
    if (!running) return;
    try {
      if (collectGarbage) await send('HeapProfiler.collectGarbage');
      const startedMs = clock.nowMs();
      const { profile } = await send<{ profile: SamplingHeapProfile }>('HeapProfiler.getSamplingProfile');
      const tMs = clock.nowMs();
      stats.checkpoints++;
      stats.maxProfileMs = Math.max(stats.maxProfileMs, tMs - startedMs);
      writing = writing
        .then(() => write(profile, tMs, tMs - startedMs, reason))
        .catch((error: unknown) => note(`heap profile: checkpoint "${reason}" not written: ${(error as Error).message}`));
    } catch (error) {
      note(`heap profile: checkpoint "${reason}" failed: ${(error as Error).message}`);
    }
  }

  const schedule = createGcCheckpointSchedule({
    sink,
    clock,
    exclusive: options.exclusive,
    firstAfterMs: 0,
    everyMs: options.checkpointEveryMs,
    checkpoint: (gcDetail) => checkpoint(gcDetail, false),
  });

  return {
    async start() {
      try {
        await send('HeapProfiler.enable');
        await send('HeapProfiler.startSampling', {
          samplingInterval: samplingIntervalBytes,
          includeObjectsCollectedByMajorGC: false,
          includeObjectsCollectedByMinorGC: false,
        });
      } catch (error) {
        note(`heap profile: not started: ${(error as Error).message}`);
        return;
      }
      running = true;
      note(
        `heap profile: sampling live allocations every ${samplingIntervalBytes} bytes (mean), checkpoints after forced GC at most every ${Math.round(options.checkpointEveryMs / 1000)} s`,
      );
      schedule.start();
    },
    async finish() {
      if (!running) return;
      await schedule.stop();
      await schedule.last(() => checkpoint('end', true));
      running = false;
      await send('HeapProfiler.stopSampling').catch(() => undefined);
      await writing;
    },
    stats: () => ({ ...stats }),
  };
}
