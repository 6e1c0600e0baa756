/** The sampler's memory beyond the JS heap: getHeapUsage, the renderer's RSS and the monitor's live counts per sample. */
import { expect, test } from '@playwright/test';
import { createCdpSampler } from '../../../harness/collect/cdp-sampler.ts';
import { logRecordSchema, type LogRecord } from '../../../harness/log/log-schema.ts';

const LIVE = { audioContexts: 1, mediaStreamTracks: 1, peerConnections: 0, webSockets: 1 };

function session(calls: Array<{ method: string; params?: { expression?: string } }>) {
  return {
    async send(method: string, params?: { expression?: string }) {
      calls.push({ method, params });
      if (method === 'Performance.getMetrics')
        return {
          metrics: [
            { name: 'JSHeapUsedSize', value: 660_000 },
            { name: 'Nodes', value: 100 },
          ],
        };
      if (method === 'Runtime.getHeapUsage') return { usedSize: 660_000, totalSize: 2e6, embedderHeapUsedSize: 1.5e6, backingStorageSize: 52_428_819 };
      if (method === 'Runtime.evaluate') return { result: { type: 'object', value: LIVE } };
      return {};
    },
  };
}

test('each sample, and the afterGc sample gcSample returns, carries backing stores, embedder heap, RSS and live counts', async () => {
  const calls: Array<{ method: string; params?: { expression?: string } }> = [];
  const records: LogRecord[] = [];
  const sink = { write: (record: unknown) => records.push(logRecordSchema.parse(record)) };
  const origin = performance.now();
  const sampler = createCdpSampler({
    pageSession: session(calls),
    sink,
    clock: { nowMs: () => performance.now() - origin },
    intervalMs: 1_000,
    rendererMemory: { read: async () => ({ pid: 4242, rssBytes: 215e6 }) },
  });
  await sampler.start();
  const sample = await sampler.gcSample('cycle 1 ended');
  await sampler.stop();
  const expected = { backingStorageBytes: 52_428_819, embedderHeapBytes: 1.5e6, rendererRssBytes: 215e6, rendererPid: 4242, live: LIVE };
  expect(records.filter((r) => r.type === 'cdp')[0]).toMatchObject({ ...expected, afterGc: false });
  expect(sample).toMatchObject({ ...expected, afterGc: true });
  expect(records.at(-1)).toEqual(sample);
  // The main-thread probe is the one call that reads the live counts: no extra round trip per sample.
  expect(calls.filter((c) => c.method === 'Runtime.evaluate').every((c) => c.params?.expression?.includes('liveCounts'))).toBe(true);
});

test('a renderer reader that fails, and a page without a monitor, leave those fields out', async () => {
  const records: LogRecord[] = [];
  const pageSession = {
    async send(method: string) {
      if (method === 'Performance.getMetrics') return { metrics: [] };
      if (method === 'Runtime.evaluate') return { result: { type: 'object', subtype: 'null', value: null } };
      return {};
    },
  };
  const sampler = createCdpSampler({
    pageSession,
    sink: { write: (record: unknown) => records.push(logRecordSchema.parse(record)) },
    clock: { nowMs: () => 0 },
    intervalMs: 1_000,
    rendererMemory: {
      read: async () => {
        throw new Error('gone');
      },
    },
  });
  const sample = (await sampler.gcSample())!;
  for (const field of ['backingStorageBytes', 'rendererRssBytes', 'live']) expect(sample).not.toHaveProperty(field);
});
