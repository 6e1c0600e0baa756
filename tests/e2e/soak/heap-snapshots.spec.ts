/**
 * End-to-end: SOAK_HEAP_SNAPSHOTS=1 on a short soak of the reference app with its retain-audio fault (decoded reply
 * audio kept as Float32Array chunks in a module-wide array). The two heap snapshots, streamed and parsed by the
 * harness, must name Float32Array as the top growing constructor a program holds, give a retainer path from a GC
 * root to one of them, and put both under the memory finding's Likely sources (report and seed-format text); the
 * harness process's RSS while parsing stays within a small factor of the snapshot's size.
 */
import { readFileSync } from 'node:fs';
import { describeFindings, expect, SHORT_RUN_SCRIPT, SHORT_RUN_THRESHOLDS, SOAK_E2E_RUNS_DIR, test } from './soak-fault-fixtures.ts';
import type { HeapSnapshotDiffRecord } from '../../../harness/log/heap-snapshot-diff-schema.ts';

test.describe.configure({ timeout: 60_000 });

const MB = 1024 * 1024;

test.describe('heap snapshots', () => {
  test.use({
    soakDurationMs: 30_000,
    faults: 'retain-audio:30',
    soakRunOptions: { outputDir: SOAK_E2E_RUNS_DIR, embedded: true, thresholds: SHORT_RUN_THRESHOLDS, scriptPath: SHORT_RUN_SCRIPT, heapSnapshots: true },
  });
  test('name the growing constructor and its retainer path', async ({ soak }) => {
    await soak.runConversation();
    const result = await soak.finish();
    const lines = readFileSync(soak.logPath, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { type: string; kind?: string; detail?: string });
    const notes = lines.filter((r) => r.type === 'harness' && r.detail?.startsWith('heap snapshot'));
    const diff = lines.find((r) => r.type === 'heap-snapshot-diff') as unknown as HeapSnapshotDiffRecord | undefined;
    const explain = `${describeFindings(result)}\n${notes.map((n) => n.detail).join('\n')}\n${JSON.stringify(diff?.constructors.slice(0, 8))}`;
    console.log(explain);
    expect(diff, explain).toBeDefined();
    const [first, last] = diff!.snapshots;
    console.log(
      `snapshots: ${(first.jsonChars / MB).toFixed(1)} MB / ${first.nodes} nodes in ${Math.round(first.takeMs)} ms (parse ${Math.round(first.parseMs)} ms) + ${Math.round(first.summarizeMs)} ms; ${(last.jsonChars / MB).toFixed(1)} MB / ${last.nodes} nodes in ${Math.round(last.takeMs)} ms (parse ${Math.round(last.parseMs)} ms) + ${Math.round(last.summarizeMs)} ms`,
    );
    expect(diff!.retainer?.constructor, explain).toBe('Float32Array');
    const path = diff!.retainer!.path;
    console.log(`retainer path (${diff!.retainer!.sharedBy} of ${diff!.retainer!.of} new instances): ${path.join(' -> ')}`);
    expect(diff!.retainer!.sharedBy, 'most new instances share the path').toBeGreaterThan(diff!.retainer!.of / 2);
    expect(path[path.length - 1]).toBe('Float32Array');
    expect(
      path.some((step) => / \(element\)$/.test(step)),
      'held as an array element',
    ).toBe(true);
    // The module-wide array the fault keeps its chunks in, reached from window through a closure's variables.
    const kept = diff!.collections.find((c) => c.path.endsWith('.kept'));
    console.log(`growing collections: ${diff!.collections.map((c) => `${c.path} (${c.kind}) ${c.entriesBefore} -> ${c.entriesAfter}`).join('; ')}`);
    expect(kept, explain).toMatchObject({ kind: 'Array' });
    expect(kept!.entriesAfter - kept!.entriesBefore).toBeGreaterThan(20);
    const growth = diff!.constructors.find((c) => c.name === 'Float32Array')!;
    expect(growth.countAfter - growth.countBefore, explain).toBeGreaterThan(20);

    // Memory bound: per snapshot, the harness's RSS rise while it streamed, parsed and summarized it. It keeps typed
    // arrays (about 0.8 x the text) plus CDP's chunk messages in flight (about 30 MB of Playwright transport garbage,
    // measured); holding the text and JSON.parse-ing it measured 5-6 x the text (tests/unit/heap-snapshot).
    for (const snapshot of diff!.snapshots) {
      const riseBytes = snapshot.harnessRssPeakBytes - snapshot.harnessRssBeforeBytes;
      console.log(
        `harness RSS "${snapshot.reason}": ${Math.round(snapshot.harnessRssBeforeBytes / MB)} MB before, ${Math.round(snapshot.harnessRssPeakBytes / MB)} MB peak (+${(riseBytes / MB).toFixed(1)} MB) for a ${(snapshot.jsonChars / MB).toFixed(1)} MB snapshot`,
      );
      expect(riseBytes).toBeLessThan(snapshot.jsonChars * 2 + 48 * MB);
    }

    // The sampler paused while each snapshot was taken, and the log says how long.
    expect(notes.filter((n) => /taken in \d+ ms \(\d+ ms of it parsing\)/.test(n.detail!))).toHaveLength(2);

    const memory = result.report.issues.find((i) => i.id === 'buffer-growth' || i.id === 'heap-growth' || i.id === 'process-memory-growth');
    expect(
      memory?.likelySources?.some((s) => /^retainer path of \d+ of \d+ new Float32Array: Window -> /.test(s)),
      explain,
    ).toBe(true);
    expect(memory!.recommendation).toContain('The heap snapshots point at Float32Array');
    const text = readFileSync(result.files.find((f) => f.path.endsWith('report.txt'))!.path, 'utf8');
    const detected = text.slice(text.indexOf('Issues Detected:'), text.indexOf('Recommendations:'));
    expect(detected).toContain('Likely source: growing constructor Float32Array');
    expect(detected).toMatch(/Likely source: retainer path of \d+ of \d+ new Float32Array: Window -> /);
  });
});
