/**
 * Where the monitor keeps its records: one ring buffer per record family (caps in record-caps.ts), a bounded
 * queue for the harness's drain(), and listeners for onRecord. Serializes only when asked (drain, export).
 */
import type { LogHeader, LogRecord } from '../log/log-schema.ts';
import { DEFAULT_RECORD_CAPS, type RecordCaps } from './record-caps.ts';
import { RingBuffer } from './ring-buffer.ts';

type Family = Exclude<keyof RecordCaps, 'drainQueue'>;

function familyOf(record: LogRecord): Family {
  if (record.type === 'ws') return 'wsSamples';
  if (record.type === 'dc' || record.type === 'rtc') return 'webrtcSamples';
  if (record.type === 'rt') return record.kind === 'audio-delta' ? 'audioDeltas' : 'rtEvents';
  if (record.type !== 'monitor') return 'events';
  switch (record.kind) {
    case 'message':
      return 'messages';
    case 'memory':
      return 'memorySamples';
    case 'audio-chunk':
    case 'playback':
    case 'audio-gap':
      return 'audio';
    case 'long-task':
      return 'longTasks';
    case 'audio-out':
      return 'audioOut';
    default:
      return 'events';
  }
}

export class RecordStore {
  private readonly families: Record<Family, RingBuffer<LogRecord>>;
  private readonly drainQueue: RingBuffer<LogRecord>;
  private readonly listeners = new Set<(record: LogRecord) => void>();

  constructor(caps: Partial<RecordCaps> = {}) {
    const full = { ...DEFAULT_RECORD_CAPS, ...caps };
    this.families = {} as Record<Family, RingBuffer<LogRecord>>;
    for (const key of Object.keys(DEFAULT_RECORD_CAPS) as (keyof RecordCaps)[]) {
      if (key !== 'drainQueue') this.families[key] = new RingBuffer<LogRecord>(full[key]);
    }
    this.drainQueue = new RingBuffer<LogRecord>(full.drainQueue);
  }

  add(record: LogRecord): void {
    this.families[familyOf(record)].push(record);
    this.drainQueue.push(record);
    for (const listener of this.listeners) {
      try {
        listener(record);
      } catch {
        // A listener's bug must not break the app or the monitor.
      }
    }
  }

  onRecord(listener: (record: LogRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** JSONL lines added since the previous drain (oldest first). */
  drain(): string[] {
    return this.drainQueue.takeAll().map((record) => JSON.stringify(record));
  }

  /** Every retained record, ordered by time. */
  records(): LogRecord[] {
    const all: LogRecord[] = [];
    for (const ring of Object.values(this.families)) for (const record of ring.toArray()) all.push(record);
    return all.sort((a, b) => a.tMs - b.tMs);
  }

  /** Header plus every retained record, one JSON object per line. */
  exportLog(header: LogHeader): string {
    const lines = [JSON.stringify(header)];
    for (const record of this.records()) lines.push(JSON.stringify(record));
    return `${lines.join('\n')}\n`;
  }

  /** Records dropped per family because a cap was reached (only non-zero families). */
  dropped(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, ring] of Object.entries(this.families)) if (ring.dropped > 0) out[name] = ring.dropped;
    if (this.drainQueue.dropped > 0) out.drainQueue = this.drainQueue.dropped;
    return out;
  }

  size(): number {
    let total = 0;
    for (const ring of Object.values(this.families)) total += ring.size;
    return total;
  }

  /** Empties the retained log (Clear Logs). The drain queue is the harness's, so it is left alone. */
  clear(): void {
    for (const ring of Object.values(this.families)) ring.clear();
  }
}
