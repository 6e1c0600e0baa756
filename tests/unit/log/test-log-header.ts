/** The header of a hand-built harness log in the unit tests (one copy instead of one per test file). */
import type { LogHeader } from '../../../harness/log/log-schema.ts';
import { PLAIN_DEFAULT_THRESHOLDS } from '../../../harness/thresholds/default-thresholds.ts';

export function testLogHeader(): LogHeader {
  return {
    type: 'header',
    schemaVersion: 1,
    tool: { name: 'voice-soak', version: 'test' },
    source: 'harness',
    target: { url: 'http://127.0.0.1:1/', kind: 'embedded' },
    startedAt: '2025-01-01T00:00:00Z',
    sampleIntervalMs: 1000,
    thresholds: PLAIN_DEFAULT_THRESHOLDS,
    faults: [],
    meta: {},
  };
}
