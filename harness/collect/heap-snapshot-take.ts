/**
 * Takes one heap snapshot over a page CDP session and parses it as it streams: HeapProfiler.takeHeapSnapshot sends
 * the JSON as HeapProfiler.addHeapSnapshotChunk events (about 1 MB each) before it answers, and each chunk goes
 * into the streaming parser at once, so the text is never held whole. Returns the summary, the graph (for a
 * retainer path; drop it when done), the timings, and the harness process's peak RSS seen while parsing.
 */
import type { CdpEventSource } from './cdp-target-relay.ts';
import { createHeapSnapshotGraph, type HeapSnapshotGraph } from './heap-snapshot-graph.ts';
import { createHeapSnapshotParser } from './heap-snapshot-parser.ts';
import { summarizeHeapSnapshot, type HeapSnapshotSummary } from './heap-snapshot-summary.ts';
import { withTimeout } from './browser-calls/with-timeout.ts';

/** A CDP session that also delivers events (Playwright's CDPSession). */
export type CdpEventSessionLike = CdpEventSource;

export interface TakenHeapSnapshot {
  graph: HeapSnapshotGraph;
  summary: HeapSnapshotSummary;
  jsonChars: number;
  takeMs: number;
  /** Of takeMs, the time spent in the parser (the rest is Chromium writing the snapshot and CDP carrying it). */
  parseMs: number;
  summarizeMs: number;
  rssBeforeBytes: number;
  peakRssBytes: number;
}

const CHUNK = 'HeapProfiler.addHeapSnapshotChunk';

export async function takeHeapSnapshot(session: CdpEventSessionLike, nowMs: () => number, timeoutMs: number): Promise<TakenHeapSnapshot> {
  const parser = createHeapSnapshotParser();
  const rssBeforeBytes = process.memoryUsage.rss();
  let peakRssBytes = rssBeforeBytes;
  let failure: Error | null = null;
  let parseMs = 0;
  const onChunk = ({ chunk }: { chunk: string }) => {
    if (failure) return;
    const writeStartedMs = performance.now();
    try {
      parser.write(chunk);
    } catch (error) {
      failure = error as Error;
    }
    parseMs += performance.now() - writeStartedMs;
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
  };
  session.on(CHUNK, onChunk);
  const startedMs = nowMs();
  try {
    await withTimeout(
      Promise.resolve(session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false })),
      timeoutMs,
      'HeapProfiler.takeHeapSnapshot',
    );
  } finally {
    session.off(CHUNK, onChunk);
  }
  if (failure) throw failure;
  const parsed = parser.end();
  const takeMs = nowMs() - startedMs;
  const graph = createHeapSnapshotGraph(parsed);
  const summary = summarizeHeapSnapshot(graph);
  peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
  return { graph, summary, jsonChars: parsed.textLength, takeMs, parseMs, summarizeMs: nowMs() - startedMs - takeMs, rssBeforeBytes, peakRssBytes };
}
