/**
 * The one door to the log: every record the harness writes is validated against the log schema, redacted, and
 * handed to the log writer (which streams each line whole), then shown to listeners (the conversation runner
 * watches rt records through here). A record that fails validation is not dropped silently: it becomes a harness
 * 'note' naming the field, so the log stays valid and the problem stays visible.
 */
import { logRecordSchema, type LogRecord } from '../../log/log-schema.ts';
import { redactDeep } from '../redact/redact-secrets.ts';

export interface LogWriterLike {
  write(record: LogRecord): void;
  close(): Promise<void> | void;
}

export interface RecordSink {
  write(record: unknown, source?: string): void;
  onRecord(listener: (record: LogRecord) => void): () => void;
  close(): Promise<void>;
}

export function createRecordSink(writer: LogWriterLike, knownSecrets: readonly string[] = []): RecordSink {
  const listeners = new Set<(record: LogRecord) => void>();
  let closed = false;
  const emit = (record: LogRecord) => {
    if (closed) return;
    writer.write(record);
    for (const listener of listeners) listener(record);
  };
  return {
    write(record, source = 'harness') {
      const parsed = logRecordSchema.safeParse(redactDeep(record, knownSecrets));
      if (parsed.success) return emit(parsed.data);
      const issue = parsed.error.issues[0];
      const tMs = typeof (record as { tMs?: unknown })?.tMs === 'number' ? Math.max(0, (record as { tMs: number }).tMs) : 0;
      const type = String((record as { type?: unknown })?.type ?? '?');
      const where = issue?.path.join('.') || '(record)';
      emit({ type: 'harness', tMs, kind: 'note', detail: `invalid ${type} record from ${source}: ${where}: ${issue?.message}` });
    },
    onRecord(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      await writer.close();
    },
  };
}
