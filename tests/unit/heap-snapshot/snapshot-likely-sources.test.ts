/**
 * The analyzer's side of the heap snapshot diff: a heap-snapshot-diff record puts the growing constructors a
 * program holds, the detached DOM node count, the growing collections and the retainer path under every memory
 * finding's Likely sources, and names the constructor and its path in the recommendation; text (under Issues
 * Detected), Markdown and HTML show them; a log that passes the log schema carries the record through readLog.
 */
import { test, expect } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import { attachSnapshotSources, snapshotSourceLines } from '../../../harness/analyze/snapshot-likely-sources.ts';
import type { HeapSnapshotDiffRecord } from '../../../harness/log/heap-snapshot-diff-schema.ts';
import { logRecordSchema, type LogHeader, type LogRecord } from '../../../harness/log/log-schema.ts';
import type { Issue } from '../../../harness/analyze/report/report-schema.ts';
import { validateRecord } from '../../../harness/log/validate-log-record.ts';
import { renderHtml } from '../../../harness/render/render-html.ts';
import { renderMarkdown } from '../../../harness/render/render-markdown.ts';
import { renderText } from '../../../harness/render/render-text.ts';
import { testLogHeader } from '../log/test-log-header.ts';

const MIB = 1024 * 1024;
const checkpoint = (reason: string, tMs: number, detachedNodes: number) => ({
  reason,
  tMs,
  jsonChars: 6 * MIB,
  nodes: 60_000,
  edges: 250_000,
  selfBytes: 4 * MIB,
  detachedNodes,
  takeMs: 1300,
  parseMs: 300,
  summarizeMs: 50,
  harnessRssBeforeBytes: 200 * MIB,
  harnessRssPeakBytes: 225 * MIB,
});

const DIFF: HeapSnapshotDiffRecord = {
  type: 'heap-snapshot-diff',
  tMs: 200_000,
  snapshots: [checkpoint('after warm-up (turn 3 end)', 60_000, 2), checkpoint('end', 199_000, 802)],
  constructors: [
    { name: 'system / JSArrayBufferData', countBefore: 300, countAfter: 9000, selfBytesBefore: 3 * MIB, selfBytesAfter: 18 * MIB },
    { name: 'Float32Array', countBefore: 300, countAfter: 9000, selfBytesBefore: 18_000, selfBytesAfter: 550_000 },
    { name: '(compiled code)', countBefore: 13_000, countAfter: 14_000, selfBytesBefore: 500_000, selfBytesAfter: 600_000 },
    { name: 'Detached <span>', countBefore: 2, countAfter: 802, selfBytesBefore: 240, selfBytesAfter: 96_240 },
  ],
  collections: [{ path: 'Window.kept', kind: 'Array', entriesBefore: 300, entriesAfter: 9000, bytesBefore: 1216, bytesAfter: 36_016 }],
  retainer: { constructor: 'Float32Array', path: ['Window', 'kept (property)', 'Array', '[8999] (element)', 'Float32Array'], sharedBy: 8698, of: 8700 },
};

const issue = (id: string): Issue => ({ id, level: 'error', title: id, message: `${id}: 3 > 1`, evidence: {}, window: null, recommendation: 'Fix it.' });

test("the diff as Likely sources: held constructors (not the engine's), detached nodes, collections, the retainer path", () => {
  expect(snapshotSourceLines(DIFF)).toEqual([
    'growing constructor Float32Array: 300 -> 9000 instances, +520 KB self size (heap snapshots at 60 s and 199 s)',
    'growing constructor Detached <span>: 2 -> 802 instances, +93.8 KB self size (heap snapshots at 60 s and 199 s)',
    'detached DOM nodes: 2 -> 802 (heap snapshots at 60 s and 199 s)',
    'growing collection Window.kept (Array): 300 -> 9000 object entries, +34.0 KB storage',
    'retainer path of 8698 of 8700 new Float32Array: Window -> kept (property) -> Array -> [8999] (element) -> Float32Array',
  ]);
});

test("memory findings gain them after the profile's sites and name the constructor and path; others are untouched", () => {
  const profiled = { ...issue('buffer-growth'), likelySources: ['Float32Array +2.1 MB/min allocated in fromB64 (index.html:31)'] };
  const [buffer, latency] = attachSnapshotSources([profiled, issue('latency-growth')], DIFF);
  expect(buffer!.likelySources![0]).toBe(profiled.likelySources[0]);
  expect(buffer!.likelySources!.slice(1)).toEqual(snapshotSourceLines(DIFF));
  expect(buffer!.recommendation).toBe(
    'Fix it. The heap snapshots point at Float32Array (300 -> 9000 instances, +520 KB self size), held by Window -> kept (property) -> Array -> [8999] (element) -> Float32Array.',
  );
  expect(latency).toEqual(issue('latency-growth'));
  expect(attachSnapshotSources([issue('heap-growth')], null)[0]).toEqual(issue('heap-growth'));
});

test('a log with the record: valid at the edge, analyzed into every renderer under Issues Detected', () => {
  expect(validateRecord(JSON.parse(JSON.stringify(DIFF)))).toMatchObject({ ok: true });
  expect(validateRecord({ ...DIFF, constructors: [{ name: 'x' }] })).toMatchObject({ ok: false, field: 'constructors[0].countBefore' });
  const header: LogHeader = testLogHeader();
  const records: LogRecord[] = [];
  for (let t = 0; t <= 200_000; t += 1000) {
    const afterGc = t % 10_000 === 0;
    records.push({
      type: 'cdp',
      tMs: t,
      heapUsedBytes: 20 * MIB + (2 * MIB * t) / 60_000 + (afterGc ? 0 : 3 * MIB),
      heapTotalBytes: 64 * MIB,
      domNodes: 500,
      eventListeners: 40,
      documents: 1,
      afterGc,
    });
  }
  records.push(logRecordSchema.parse(DIFF));
  const report = analyze({ header, records });
  const heap = report.issues.find((i) => i.id === 'heap-growth')!;
  expect(heap.likelySources).toContain(snapshotSourceLines(DIFF).at(-1));
  const text = renderText(report);
  const detected = text.slice(text.indexOf('Issues Detected:'), text.indexOf('Recommendations:'));
  expect(detected).toContain(
    '  Likely source: retainer path of 8698 of 8700 new Float32Array: Window -> kept (property) -> Array -> [8999] (element) -> Float32Array\n',
  );
  expect(detected).toContain('  Likely source: detached DOM nodes: 2 -> 802');
  expect(renderMarkdown(report)).toContain('Likely source: growing constructor Float32Array: 300 -&gt; 9000 instances');
  expect(renderHtml(report)).toContain(
    '<div class="likely-source">Likely source: retainer path of 8698 of 8700 new Float32Array: Window -&gt; kept (property)',
  );
});
