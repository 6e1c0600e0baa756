/**
 * The audit registry (harness/analyze/audits/audit-list.ts): every audit has complete meta, ids are unique, every id a
 * report carries belongs to an audit (its own id or a no-data id it declares), and the registry order is the order
 * of the report's assertions.
 */
import { test, expect } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import { AUDITS } from '../../../harness/analyze/audits/audit-list.ts';
import type { AuditInput } from '../../../harness/analyze/audits/audit.ts';
import type { LogHeader, LogRecord, SoakLog } from '../../../harness/log/log-schema.ts';
import type { Report } from '../../../harness/analyze/report/report-schema.ts';
import { generateLog, type GenerateLogOptions } from '../../../harness/synth/generate-log.ts';
import { FAULT_SPECS } from '../../../harness/synth/synth-faults.ts';
import { completeSoakLog, type SoakInput } from './complete-soak-log.ts';
import { webrtcCallRecords } from './webrtc-records.ts';

const INPUTS: readonly AuditInput[] = ['cdp', 'ws', 'turns', 'monitor', 'harness'];

const synth = (options: GenerateLogOptions): SoakLog => {
  const [h, ...records] = [...generateLog(options)];
  return { header: h as LogHeader, records: records as LogRecord[] };
};

const harnessRecord = (kind: string, tMs: number, data: Record<string, string | number | boolean>) => ({ type: 'harness', kind, tMs, data }) as LogRecord;

/** Reports that between them carry every audit and every no-data id. */
function reports(): Report[] {
  const adaptive = { adaptive: { enabled: true, factor: 1.5 } };
  const durationMs = 7 * 60_000;
  const out: Report[] = [
    analyze(synth({ durationMs, seed: 1, cycles: 6 })),
    analyze(synth({ durationMs, seed: 1 }), adaptive),
    analyze(synth({ durationMs, seed: 4, source: 'page' })),
    ...FAULT_SPECS.map((spec) => analyze(synth({ durationMs, seed: 7, faults: { [spec.field]: spec.detectionFloor * 2 || 60_000 } }))),
    analyze(
      completeSoakLog({
        extra: [
          harnessRecord('worker-ws', 50_000, {
            url: 'ws://127.0.0.1:9/',
            worker: 'w.js',
            framesSent: 1,
            framesReceived: 1,
            bytesSent: 9,
            bytesReceived: 9,
            closed: false,
          }),
        ],
      }),
    ),
    analyze({ ...completeSoakLog(), records: [] }),
    // WebRTC (issue 14): a clean call, and a WebRTC run without its data (no-data-webrtc, no-data-datachannel).
    analyze(completeSoakLog({ meta: { transport: 'webrtc' }, without: ['ws'], extra: webrtcCallRecords({ utterancesMs: [[8_000, 9_500]] }) })),
    analyze(completeSoakLog({ meta: { transport: 'webrtc' } })),
  ];
  const inputs: SoakInput[] = ['cdp', 'ws', 'rt', 'monitor'];
  for (const source of ['harness', 'page'] as const) {
    for (const input of inputs) out.push(analyze(completeSoakLog({ source, without: [input] })));
    out.push(analyze(completeSoakLog({ source, without: inputs })));
  }
  return out;
}

test('every audit has complete meta: id, titles, known inputs, a recommendation and a judge', () => {
  expect(AUDITS.length).toBeGreaterThan(20);
  for (const audit of AUDITS) {
    expect(audit.id, 'a kebab-case noun').toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(audit.title.trim(), `${audit.id} title`).not.toBe('');
    expect(audit.failureTitle.trim(), `${audit.id} failureTitle`).not.toBe('');
    expect(audit.failureTitle, `${audit.id}: the failure title differs from the title`).not.toBe(audit.title);
    expect(audit.requires.length, `${audit.id} requires`).toBeGreaterThan(0);
    for (const input of audit.requires) expect(INPUTS, `${audit.id} requires ${input}`).toContain(input);
    expect(audit.recommendation.trim().length, `${audit.id} recommendation`).toBeGreaterThan(20);
    for (const [id, recommendation] of Object.entries(audit.noData ?? {})) {
      expect(id, `${audit.id} no-data id`).toMatch(/^no-data-/);
      expect(recommendation.trim(), `${audit.id} ${id} recommendation`).not.toBe('');
    }
    expect(typeof audit.judge).toBe('function');
  }
});

test('the registry lists the audits in report order (issue 12 order, the audio-edge audits of issue 13 after audio-gaps, the WebRTC ones of issue 14 beside their WebSocket and audio kin)', () => {
  expect(AUDITS.map((a) => a.id)).toEqual([
    'heap-growth',
    'memory-limit',
    'buffer-growth',
    'process-memory-growth',
    'cycle-leak',
    'dom-growth',
    'listener-growth',
    'latency-growth',
    'slow-event-processing',
    'message-latency',
    'slow-first-response',
    'ttfr-growth',
    'response-timeouts',
    'audio-backlog',
    'ws-backpressure',
    'datachannel-backpressure',
    'datachannel-stall',
    'event-queue-growth',
    'audio-gaps',
    'mouth-to-ear',
    'mouth-to-ear-growth',
    'playback-gaps',
    'barge-in-overlap',
    'no-audio-output',
    'jitter-growth',
    'packet-loss',
    'audio-concealment',
    'jitter-buffer-growth',
    'errors',
    'interruptions',
    'crashes',
    'sampling-gaps',
    'client-protocol-errors',
    'ws-in-worker',
    'page-dialogs',
    'page-unresponsive',
    'run-complete',
    'socket-drops',
    'clock-jump',
    'remote-requests',
    'faults-applied',
  ]);
});

test('audit ids and the no-data ids they declare are unique', () => {
  const ids = AUDITS.flatMap((audit) => [audit.id, ...Object.keys(audit.noData ?? {})]);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
});

test('every id a report carries has an audit, in registry order, with its recommendation; every audit is seen', () => {
  const owner = new Map<string, number>();
  AUDITS.forEach((audit, index) => {
    owner.set(audit.id, index);
    for (const id of Object.keys(audit.noData ?? {})) owner.set(id, index);
  });
  const seen = new Set<string>();
  for (const report of reports()) {
    const ids = report.assertions.map((a) => a.id);
    for (const id of ids) expect(owner.has(id), `${id} has an audit`).toBe(true);
    const order = ids.map((id) => owner.get(id)!);
    expect(order, `assertions in registry order: ${ids.join(', ')}`).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size, 'one assertion per audit').toBe(order.length);
    for (const issue of report.issues) {
      const audit = AUDITS[owner.get(issue.id)!]!;
      expect(issue.recommendation, issue.id).toBe(issue.id === audit.id ? audit.recommendation : audit.noData![issue.id]);
    }
    for (const id of ids) seen.add(AUDITS[owner.get(id)!]!.id);
  }
  expect(
    AUDITS.map((a) => a.id).filter((id) => !seen.has(id)),
    'audits no report exercised',
  ).toEqual([]);
});
