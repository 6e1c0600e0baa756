import { test, expect } from '@playwright/test';
import { renderText } from '../../../harness/render/render-text.ts';
import { buildSampleReport } from '../../fixtures-data/reports/sample-report.ts';
import { buildHostileReport } from '../../fixtures-data/reports/hostile-report.ts';

test('text report matches the seed format line by line', () => {
  const expected = [
    'Performance Analysis Report',
    '2025-05-01T10:00:00.000Z',
    '',
    'Metrics:',
    '- Average Processing Time: 2.4ms',
    '- Maximum Processing Time: 18.7ms',
    '- Audio Latency Trend: 12.1, 13.4, 15.0ms',
    '- Message Latency Trend: 1.9, 2.2, 2.3ms',
    '- Audio Chunks Accumulation: 3',
    '- WebSocket Buffered Amount: 0',
    '- Event Queue Size: 0',
    '- Time to First Response: 701.3ms',
    '- Interruption Count: 2',
    '- Total Errors: 0',
    '',
    'Issues Detected:',
    '- heap-growth: 3.4 MB/min > 1.0 MB/min (Theil-Sen slope of post-GC heap, minutes 1-7)',
    '',
    'Recommendations:',
    '- Check for retained references (audio buffers, listeners) and implement cleanup.',
    '',
  ];
  expect(renderText(buildSampleReport()).split('\n')).toEqual(expected);
});

test('missing values read n/a and an empty issue list reads None', () => {
  const report = buildSampleReport({ heapLeakMbPerMin: 0.2 });
  report.metrics = { ...report.metrics, avgProcessingMs: null, audioLatencyTrendMs: [], wsBufferedAmountBytes: null, timeToFirstResponseMs: null };
  const lines = renderText(report).split('\n');
  expect(lines).toContain('- Average Processing Time: n/a');
  expect(lines).toContain('- Audio Latency Trend: n/a');
  expect(lines).toContain('- WebSocket Buffered Amount: n/a');
  expect(lines).toContain('- Time to First Response: n/a');
  expect(lines.slice(lines.indexOf('Issues Detected:'))).toEqual(['Issues Detected:', '- None', '', 'Recommendations:', '- None', '']);
});

test('recommendations shared by several issues are listed once', () => {
  const report = buildSampleReport();
  report.issues = [report.issues[0]!, { ...report.issues[0]!, id: 'listener-growth', message: 'listener-growth: 60/min > 50/min' }];
  const lines = renderText(report).split('\n');
  expect(lines.filter((l) => l.startsWith('- Check for retained references'))).toHaveLength(1);
  expect(lines.filter((l) => l.startsWith('- heap-growth') || l.startsWith('- listener-growth'))).toHaveLength(2);
});

test('line breaks in log strings cannot add lines or fake sections', () => {
  const report = buildHostileReport();
  const lines = renderText(report).split('\n');
  const sections = lines.filter((l) => /^(Metrics|Issues Detected|Recommendations):$/.test(l));
  expect(sections).toEqual(['Metrics:', 'Issues Detected:', 'Recommendations:']);
  const issuesAt = lines.indexOf('Issues Detected:');
  const recsAt = lines.indexOf('Recommendations:');
  expect(recsAt - issuesAt - 2).toBe(report.issues.length);
  expect(lines.length).toBe(4 + 10 + 2 + report.issues.length + 2 + report.issues.length + 1);
  expect(lines.slice(1).every((l) => l === '' || l.startsWith('- ') || l.endsWith(':') || l.startsWith('startedAt:'))).toBe(true);
});
