/** The sample reader: Runtime.getHeapUsage, the renderer's RSS and the monitor's live counts land in the cdp record. */
import { expect, test } from '@playwright/test';
import { readCdpSample, readLiveCounts } from '../../../harness/collect/read-cdp-sample.ts';
import { cdpSampleSchema } from '../../../harness/log/log-schema.ts';

const METRICS = [
  { name: 'JSHeapUsedSize', value: 660_000 },
  { name: 'JSHeapTotalSize', value: 2_000_000 },
  { name: 'Nodes', value: 120 },
  { name: 'JSEventListeners', value: 30 },
  { name: 'Documents', value: 2 },
];
const AT = { tMs: 1_000, sampleLatencyMs: 5, afterGc: true };
const LIVE = { audioContexts: 1, mediaStreamTracks: 2, peerConnections: 0, webSockets: 1 };

test('backing stores, embedder heap, renderer RSS and live counts are recorded beside the JS heap', () => {
  const sample = readCdpSample(METRICS, undefined, AT, {
    heapUsage: { usedSize: 660_000, totalSize: 2_000_000, embedderHeapUsedSize: 1_500_000, backingStorageSize: 52_428_819 },
    renderer: { pid: 4242, rssBytes: 215 * 1024 * 1024 },
    live: LIVE,
  });
  expect(sample).toMatchObject({
    heapUsedBytes: 660_000,
    backingStorageBytes: 52_428_819,
    embedderHeapBytes: 1_500_000,
    rendererRssBytes: 215 * 1024 * 1024,
    rendererPid: 4242,
    live: LIVE,
    afterGc: true,
  });
  expect(cdpSampleSchema.parse(sample)).toEqual(sample);
});

test('a missing or malformed source leaves its fields out instead of writing a wrong number', () => {
  const sample = readCdpSample(METRICS, undefined, AT, {
    heapUsage: { backingStorageSize: Number.NaN, embedderHeapUsedSize: -1 },
    renderer: undefined,
    live: null,
  });
  for (const field of ['backingStorageBytes', 'embedderHeapBytes', 'rendererRssBytes', 'rendererPid', 'live']) expect(sample).not.toHaveProperty(field);
  expect(readCdpSample(METRICS, undefined, AT)).not.toHaveProperty('backingStorageBytes');
  expect(cdpSampleSchema.parse(sample)).toEqual(sample);
});

test('live counts must all be non-negative numbers (the page answers anything)', () => {
  expect(readLiveCounts(LIVE)).toEqual(LIVE);
  expect(readLiveCounts({ ...LIVE, webSockets: 1.6 })).toEqual({ ...LIVE, webSockets: 2 });
  expect(readLiveCounts({ ...LIVE, webSockets: '1' })).toBeUndefined();
  expect(readLiveCounts({ audioContexts: 1 })).toBeUndefined();
  expect(readLiveCounts({ ...LIVE, peerConnections: -1 })).toBeUndefined();
  expect(readLiveCounts('{"audioContexts":1}')).toBeUndefined();
});
