/**
 * The 1 Hz sampling as one collector: the CDP sampler (cdp-sampler.ts), the renderer RSS it reads
 * (renderer-memory.ts), and the in-page monitor's drain (pull-monitor-records.ts) it runs each tick, after the
 * run events' per-tick check and before `afterPull` (the worker-socket snapshot). Installed before the page opens
 * so the load is sampled; start() finds the renderer's pid; stop() ends sampling, then writes the monitor's last
 * records.
 */
import type { Page } from '@playwright/test';
import { DEFAULT_THRESHOLDS } from '../thresholds/thresholds-schema.ts';
import type { CdpSessions } from './cdp-sessions.ts';
import { createCdpSampler, type CdpSampler } from './cdp-sampler.ts';
import { createMonitorPuller, type MonitorPuller } from './pull-monitor-records.ts';
import type { HarnessClock } from './recording/harness-clock.ts';
import type { RecordSink } from './recording/record-sink.ts';
import { createRendererMemoryReader, type RendererMemoryReader } from './renderer-memory.ts';
import type { RunEvents } from './run-events.ts';
import type { SessionCollector } from './session-collector.ts';
import type { SoakRunOptions } from './soak-run-options.ts';

export interface SamplerCollector extends SessionCollector {
  /** After install(). */
  readonly sampler: CdpSampler;
  readonly puller: MonitorPuller;
  readonly rendererMemory: RendererMemoryReader;
}

export function samplerCollector(input: {
  page: Page;
  options: SoakRunOptions;
  sessions: CdpSessions;
  sink: RecordSink;
  clock: HarnessClock;
  events: Pick<RunEvents, 'tick' | 'unresponsive'>;
  note: (detail: string) => void;
  afterPull: () => void;
}): SamplerCollector {
  const { page, options, sessions, sink, clock, events } = input;
  let parts: { sampler: CdpSampler; puller: MonitorPuller; rendererMemory: RendererMemoryReader } | undefined;
  const installed = () => {
    if (!parts) throw new Error('samplerCollector: not installed yet');
    return parts;
  };
  return {
    name: 'CDP sampler, renderer RSS and monitor pull',
    get sampler() {
      return installed().sampler;
    },
    get puller() {
      return installed().puller;
    },
    get rendererMemory() {
      return installed().rendererMemory;
    },
    async install() {
      const puller = createMonitorPuller({ page, sink, clock, timeoutMs: options.cdpTimeoutMs });
      const rendererMemory = createRendererMemoryReader({
        pageSession: sessions.page,
        browserSession: sessions.browser,
        note: input.note,
        timeoutMs: options.cdpTimeoutMs,
        remoteBrowser: options.remoteBrowser,
        exclusive: (fn) => sampler.exclusive(fn),
      });
      // A page whose main thread stops answering: the sampler says so after maxUnresponsiveMs, and the conversation
      // stops there instead of waiting on page calls that never return (until Playwright's test timeout, minutes later).
      const sampler = createCdpSampler({
        pageSession: sessions.page,
        browserSession: sessions.browser,
        sink,
        clock,
        intervalMs: options.sampleIntervalMs,
        timeoutMs: options.cdpTimeoutMs,
        unresponsiveAfterMs: options.thresholds?.maxUnresponsiveMs ?? DEFAULT_THRESHOLDS.maxUnresponsiveMs,
        onUnresponsive: events.unresponsive,
        onTick: () => {
          events.tick();
          return puller.pull().then(input.afterPull);
        },
        rendererMemory,
      });
      parts = { sampler, puller, rendererMemory };
      await sampler.start();
    },
    async start() {
      await installed().rendererMemory.identify(); // each try under the sampler's lock, the lock let go between tries
    },
    async stop(outcome) {
      const { sampler, puller } = installed();
      if (outcome === 'failed-to-start') return sampler.stop().catch(() => undefined);
      await sampler.stop();
      await puller.flush();
      if (!page.isClosed()) await puller.pull().catch(() => undefined);
    },
  };
}
