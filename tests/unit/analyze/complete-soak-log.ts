/**
 * A small, complete, clean soak log built by hand for analyzer tests: CDP samples, one open WebSocket, in-page monitor
 * message records, and answered turns (speech-stopped -> response -> first audio within a second), 3 minutes long.
 * `without` drops one input so a test can see what its absence does; `extra` adds records. Every record is checked
 * against the log schema, so the tests exercise logs a collector could really write.
 */
import { expect } from '@playwright/test';
import { logHeaderSchema, type LogHeader, type LogRecord, type SoakLog } from '../../../harness/log/log-schema.ts';
import { expectValidRecords } from '../log/expect-valid-records.ts';
import { PLAIN_DEFAULT_THRESHOLDS } from '../../../harness/thresholds/default-thresholds.ts';

export const RUN_MS = 180_000;
export const TURN_EVERY_MS = 20_000;
/** Turns start at 10 s, 30 s, ... 170 s. */
export const TURNS = RUN_MS / TURN_EVERY_MS;

export type SoakInput = 'cdp' | 'ws' | 'rt' | 'monitor';

export interface CompleteLogOptions {
  source?: LogHeader['source'];
  meta?: Record<string, string>;
  faults?: string[];
  targetKind?: LogHeader['target']['kind'];
  wsUrl?: string;
  without?: SoakInput[];
  extra?: LogRecord[];
}

export function completeSoakLog(options: CompleteLogOptions = {}): SoakLog {
  const without = new Set(options.without ?? []);
  const header: LogHeader = {
    type: 'header',
    schemaVersion: 1,
    tool: { name: 'voice-soak', version: 'test' },
    source: options.source ?? 'harness',
    target: { url: 'http://127.0.0.1:4173/', kind: options.targetKind ?? 'embedded' },
    startedAt: '2026-01-01T00:00:00.000Z',
    sampleIntervalMs: 1_000,
    thresholds: PLAIN_DEFAULT_THRESHOLDS,
    faults: options.faults ?? [],
    meta: options.meta ?? {},
  };
  const records: LogRecord[] = [];
  for (let tMs = 0; tMs <= RUN_MS; tMs += 1_000) {
    if (!without.has('cdp')) {
      records.push({
        type: 'cdp',
        tMs,
        heapUsedBytes: 20e6,
        heapTotalBytes: 40e6,
        domNodes: 300,
        eventListeners: 40,
        documents: 1,
        afterGc: tMs % 10_000 === 0,
        backingStorageBytes: 300_000,
        embedderHeapBytes: 1_500_000,
        rendererRssBytes: 160e6,
        rendererPid: 4242,
      });
    }
    if (!without.has('ws')) {
      const s = tMs / 1_000;
      records.push({
        type: 'ws',
        tMs,
        socketId: 'ws-1',
        url: options.wsUrl ?? 'ws://127.0.0.1:4173/v1/realtime',
        readyState: 1,
        bufferedAmountBytes: 0,
        framesSent: s * 10,
        framesReceived: s * 5,
        bytesSent: s * 64_000,
        bytesReceived: s * 20_000,
      });
    }
    if (!without.has('monitor')) records.push({ type: 'monitor', kind: 'message', tMs: tMs + 500, socketId: 'ws-1', handlerMs: 1, queueSize: 0 });
  }
  for (let turn = 1; turn <= TURNS; turn++) {
    const startMs = turn * TURN_EVERY_MS - 10_000;
    records.push({ type: 'harness', kind: 'turn-start', tMs: startMs - 2_000, turn });
    if (!without.has('rt')) {
      const responseId = `resp_${turn}`;
      records.push(
        { type: 'rt', kind: 'speech-stopped', tMs: startMs },
        { type: 'rt', kind: 'response-created', tMs: startMs + 100, responseId },
        { type: 'rt', kind: 'first-audio', tMs: startMs + 800, responseId },
        { type: 'rt', kind: 'audio-delta', tMs: startMs + 800, responseId, bytes: 4_800 },
        { type: 'rt', kind: 'audio-delta', tMs: startMs + 1_000, responseId, bytes: 4_800, gapMs: 200 },
        { type: 'rt', kind: 'response-done', tMs: startMs + 3_000, responseId, status: 'completed' },
      );
    }
  }
  records.push(...(options.extra ?? []), { type: 'harness', kind: 'run-end', tMs: RUN_MS, detail: 'completed' });
  records.sort((a, b) => a.tMs - b.tMs);
  expect(logHeaderSchema.parse(header)).toEqual(header);
  expectValidRecords(records);
  return { header, records };
}
