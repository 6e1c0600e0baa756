/**
 * The heap profiler as a soak session starts it: on unless SoakRunOptions.heapProfile (or SOAK_HEAP_PROFILE) says
 * 0, with source maps fetched through the page and checkpoints spaced for the run's duration. Undefined when off.
 */
import type { Page } from '@playwright/test';
import { loadSettings } from '../config/settings.ts';
import type { CdpSessionLike } from './browser-calls/cdp-session-like.ts';
import type { HarnessClock } from './recording/harness-clock.ts';
import { createHeapProfileCheckpoints, type HeapProfileCheckpoints } from './heap-profile-checkpoints.ts';
import { pageFetchText } from './heap-profile-page-fetch.ts';
import { DEFAULT_HEAP_SAMPLING_INTERVAL_BYTES, heapCheckpointEveryMs } from './heap-profile-settings.ts';
import type { RecordSink } from './recording/record-sink.ts';
import type { SoakRunOptions } from './soak-run-options.ts';

export interface HeapProfileSessionInput {
  page: Page;
  session: CdpSessionLike;
  sink: RecordSink;
  clock: Pick<HarnessClock, 'nowMs'>;
  exclusive: <T>(fn: () => Promise<T>) => Promise<T>;
  options: SoakRunOptions;
}

export async function startHeapProfile(input: HeapProfileSessionInput): Promise<HeapProfileCheckpoints | undefined> {
  const { options } = input;
  if (!(options.heapProfile ?? loadSettings().heapProfile)) return undefined;
  const profiler = createHeapProfileCheckpoints({
    session: input.session,
    sink: input.sink,
    clock: input.clock,
    exclusive: input.exclusive,
    samplingIntervalBytes: options.heapProfileIntervalBytes ?? DEFAULT_HEAP_SAMPLING_INTERVAL_BYTES,
    checkpointEveryMs: heapCheckpointEveryMs(options.durationMs),
    fetchText: pageFetchText(input.page),
  });
  await profiler.start();
  return profiler;
}
