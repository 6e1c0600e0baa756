/**
 * The order of a soak test's attachments, which is the order the Playwright report lists them: the verdict sentence
 * first, then the charts (the audio-edge charts, then the series), then the text report, then the rest, the log last.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import type { LogHeader, LogRecord } from '../../../harness/log/log-schema.ts';
import {
  SOAK_LOG,
  SOAK_REPORT_HTML,
  SOAK_REPORT_JSON,
  SOAK_REPORT_MARKDOWN,
  SOAK_REPORT_TEXT,
  SOAK_VERDICT,
} from '../../../harness/render/soak-attachment-names.ts';
import { verdictSentence } from '../../../harness/render/verdict-sentence.ts';
import { writeReportFiles } from '../../../harness/render/write-report-files.ts';
import { generateLog } from '../../../harness/synth/generate-log.ts';

test('verdict first, then the key charts, then the text report, then summary, HTML, JSON and the log', () => {
  const [header, ...records] = [...generateLog({ durationMs: 180_000, seed: 3, faults: { heapLeakMbPerMin: 4 } })];
  const report = analyze({ header: header as LogHeader, records: records as LogRecord[] });
  const dir = mkdtempSync(join(tmpdir(), 'voice-soak-order-'));
  try {
    const files = writeReportFiles(report, dir, join(dir, 'run.jsonl'));
    const names = files.map((f) => f.name);
    const charts = names.filter((n) => n.endsWith('.svg'));
    expect(report.edges).toBeDefined();
    expect(charts.slice(0, 2)).toEqual(['chart-turn-latency.svg', 'chart-slowest-turn.svg']);
    expect(charts).toContain('chart-heap.svg');
    expect(charts.length).toBe(report.series.length + 2);
    expect(names).toEqual([SOAK_VERDICT, ...charts, SOAK_REPORT_TEXT, SOAK_REPORT_MARKDOWN, SOAK_REPORT_HTML, SOAK_REPORT_JSON, SOAK_LOG]);
    const verdict = readFileSync(files[0]!.path, 'utf8').split('\n');
    expect(files[0]!.contentType).toBe('text/plain');
    expect(verdict[0]).toBe(verdictSentence(report));
    expect(verdict[0]).toMatch(/^FAIL: error-level assertions failed \(\d+ issues?, \d+ of \d+ assertions failed\)$/);
    expect(verdict.slice(1).filter(Boolean)).toEqual(expect.arrayContaining([expect.stringMatching(/^- error heap-growth: /)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
