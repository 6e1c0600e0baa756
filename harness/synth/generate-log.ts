/**
 * Synthetic voice-soak logs: a clean conversation (V8-like heap sawtooth with post-GC samples at turn boundaries,
 * log-normal latencies with occasional spikes, a turn every ~12 s) plus any fault pattern at a chosen severity.
 * A generator, so an 8-hour log streams to disk without being held in memory. Deterministic for a given seed.
 */
import type { LogHeader, LogRecord } from '../log/log-schema.ts';
import { LOG_SCHEMA_VERSION } from '../log/log-schema.ts';
import { PLAIN_DEFAULT_THRESHOLDS } from '../thresholds/default-thresholds.ts';
import { createHeapModel } from './heap-model.ts';
import { createMemoryModel } from './memory-model.ts';
import { cycleRecordsBetween } from './cycle-records.ts';
import { seededRandom } from './seeded-random.ts';
import { FAULT_SPECS, type SynthFaults } from './synth-faults.ts';
import { edgeRecords } from './edge-records.ts';
import { turnEvents } from './turn-events.ts';

export interface GenerateLogOptions {
  durationMs: number;
  seed: number;
  faults?: SynthFaults;
  /** Server messages per second while a reply streams (audio deltas). Default 10. */
  messagesPerSecond?: number;
  /** 'page': the in-page monitor's own log (no CDP; heap from monitor memory records). Default 'harness'. */
  source?: 'harness' | 'page';
  /** Write afterGc samples at turn boundaries (the harness forcing GC). Default true for harness logs. */
  afterGcSamples?: boolean;
  sampleIntervalMs?: number;
  /**
   * Conversation cycles: this many `cycle` records at even shares of the run (plus the cycle-0 baseline), as the
   * harness writes them after each hang-up; faults.leakedContextsPerCycle makes AudioContexts pile up. Default 0.
   */
  cycles?: number;
}

const SYNTH_STARTED_AT = '2025-01-01T00:00:00.000Z';

export function* generateLog(options: GenerateLogOptions): Generator<LogHeader | LogRecord> {
  const { durationMs, seed, faults = {}, messagesPerSecond = 10, source = 'harness', sampleIntervalMs = 1000 } = options;
  const afterGcSamples = options.afterGcSamples ?? source === 'harness';
  const random = seededRandom(seed);
  const heap = createHeapModel(random, faults.heapLeakMbPerMin ?? 0);
  const memory = createMemoryModel(random, faults);
  const cycles = options.cycles ?? 0;
  const faultNames = FAULT_SPECS.filter((s) => faults[s.field] !== undefined).map((s) => `${s.name}=${faults[s.field]}`);
  yield {
    type: 'header',
    schemaVersion: LOG_SCHEMA_VERSION,
    tool: { name: 'voice-soak', version: 'synth' },
    source,
    target: { url: 'synth://voice-app', kind: 'embedded', dialect: 'ga' },
    startedAt: SYNTH_STARTED_AT,
    sampleIntervalMs,
    thresholds: PLAIN_DEFAULT_THRESHOLDS,
    faults: faultNames,
    meta: { generator: 'harness/synth/generate-log.ts', seed: String(seed), ...(cycles > 1 ? { cycles: String(cycles) } : {}) },
  };
  const endMs = Math.min(durationMs, faults.crashAtMs ?? Infinity);
  const gap = faults.samplingGapMs ? { fromMs: durationMs / 2, toMs: durationMs / 2 + faults.samplingGapMs } : null;
  const inGap = (tMs: number): boolean => gap !== null && tMs >= gap.fromMs && tMs < gap.toMs;
  const counters = { sampleIndex: 0, framesSent: 0, framesReceived: 0, bytesSent: 0, bytesReceived: 0, wsLeftoverBytes: 0 };
  let turn = 0;
  let turnStartMs = random.uniform(1000, 3000);
  let windowStartMs = 0;
  // A turn's post-GC sample is at its end - 10 ms; the next turn's first periodic sample draws its jitter again and
  // may land before it (a 2 µs inversion broke the 8-hour bench log): samples stay at least 1 ms after it.
  let lastGcSampleMs = -Infinity;
  while (windowStartMs < endMs) {
    const turnEndMs = turnStartMs + random.uniform(10_000, 14_000);
    const windowEndMs = Math.min(turnEndMs, endMs);
    const batch: LogRecord[] = [];
    const outcome = turnStartMs < endMs ? turnEvents({ turn, startMs: turnStartMs, endMs: turnEndMs, messagesPerSecond, faults }, random) : null;
    if (outcome) batch.push(...outcome.records);
    if (outcome && source === 'harness')
      batch.push(...edgeRecords({ seed, turn, speech: outcome.speech, reply: outcome.reply, playbackDelayMs: faults.playbackStartDelayMs }));
    const during = (span: [number, number] | undefined, tMs: number): boolean => !!span && tMs >= span[0] && tMs <= span[1];
    for (;;) {
      const tMs = Math.max(counters.sampleIndex * sampleIntervalMs + random.uniform(0, 40), lastGcSampleMs + 1);
      if (tMs >= windowEndMs) break;
      counters.sampleIndex++;
      const replying = during(outcome?.reply, tMs);
      const speaking = during(outcome?.speech, tMs);
      const heapUsedBytes = heap.sample(tMs, replying ? 0.6 : 0.15);
      if (inGap(tMs)) continue;
      const m = tMs / 60_000;
      const ramp = 1 - Math.exp(-tMs / 20_000);
      if (source === 'harness') {
        batch.push({
          type: 'cdp',
          tMs,
          heapUsedBytes,
          heapTotalBytes: heapUsedBytes * 1.3 + 4e6,
          afterGc: false,
          documents: 1,
          frames: 1,
          domNodes: Math.round(900 + 150 * ramp + (faults.domLeakNodesPerMin ?? 0) * m + (replying ? 20 : 0) + random.normal(0, 4)),
          eventListeners: Math.round(180 + 30 * ramp + (faults.listenerLeakPerMin ?? 0) * m + random.normal(0, 1)),
          sampleLatencyMs: random.logNormal(4, 0.5),
          ...memory.sample(tMs, heapUsedBytes, replying, false),
        });
      } else if (counters.sampleIndex % 2 === 0) {
        batch.push({
          type: 'monitor',
          kind: 'memory',
          tMs,
          usedBytes: heapUsedBytes,
          totalBytes: heapUsedBytes * 1.3,
          limitBytes: 4096 * 1024 * 1024,
          precise: true,
        });
      }
      if (speaking) {
        counters.framesSent += 10;
        counters.bytesSent += 10 * 6400;
      }
      if (replying) {
        counters.framesReceived += messagesPerSecond;
        counters.bytesReceived += messagesPerSecond * 6500;
      }
      const inFlight = speaking && random.chance(0.3) ? Math.round(random.uniform(0, 9600)) : 0;
      const stuck = Math.round((faults.wsBackpressureBytesPerMin ?? 0) * m * random.uniform(0.9, 1.1));
      batch.push({
        type: 'ws',
        tMs,
        socketId: 'ws-1',
        url: 'ws://127.0.0.1:8787/v1/realtime',
        readyState: 1,
        bufferedAmountBytes: inFlight + stuck,
        ...pick(counters),
      });
    }
    if (outcome && afterGcSamples && turnEndMs <= endMs && !inGap(turnEndMs - 10)) {
      const heapUsedBytes = heap.collect(turnEndMs - 10);
      lastGcSampleMs = turnEndMs - 10;
      batch.push({ type: 'harness', kind: 'gc', tMs: turnEndMs - 12, turn });
      batch.push({
        type: 'cdp',
        tMs: turnEndMs - 10,
        heapUsedBytes,
        heapTotalBytes: heapUsedBytes * 1.3 + 4e6,
        afterGc: true,
        documents: 1,
        frames: 1,
        domNodes: Math.round(1050 + (faults.domLeakNodesPerMin ?? 0) * ((turnEndMs - 10) / 60_000)),
        eventListeners: Math.round(210 + (faults.listenerLeakPerMin ?? 0) * ((turnEndMs - 10) / 60_000)),
        ...memory.sample(turnEndMs - 10, heapUsedBytes, false, true),
      });
    }
    if (source === 'harness')
      batch.push(
        ...cycleRecordsBetween(
          { fromMs: windowStartMs, toMs: windowEndMs, durationMs, cycles, leakedContextsPerCycle: faults.leakedContextsPerCycle ?? 0 },
          random,
        ),
      );
    if (gap && gap.fromMs >= windowStartMs && gap.fromMs < windowEndMs)
      batch.push({ type: 'harness', kind: 'sample-timeout', tMs: gap.fromMs, detail: 'synthetic sampling gap' });
    batch.sort((a, b) => a.tMs - b.tMs);
    for (const record of batch) if (record.tMs < endMs) yield record;
    windowStartMs = windowEndMs;
    turnStartMs = turnEndMs;
    turn++;
  }
  if (faults.crashAtMs !== undefined && faults.crashAtMs < durationMs) yield { type: 'harness', kind: 'crash', tMs: endMs, detail: 'synthetic renderer crash' };
  else yield { type: 'harness', kind: 'run-end', tMs: endMs };
}

function pick(c: { framesSent: number; framesReceived: number; bytesSent: number; bytesReceived: number }) {
  return { framesSent: c.framesSent, framesReceived: c.framesReceived, bytesSent: c.bytesSent, bytesReceived: c.bytesReceived };
}
