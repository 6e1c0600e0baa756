/**
 * Child process of bench/analyze-8h.ts: stream one log through readLog + createAnalyzer and print one JSON line
 * with the timings and memory peaks (so the parent's own memory does not count).
 */
import { createAnalyzer, type Analyzer } from '../../harness/analyze/analyze.ts';
import { readLog } from '../../harness/log/log-reader.ts';

const path = process.argv[2];
if (!path) throw new Error('usage: analyze-child.ts <log.jsonl>');
let peakHeapBytes = 0;
const sampler = setInterval(() => {
  peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed);
}, 20);
const startMs = performance.now();
let analyzer: Analyzer | null = null;
let records = 0;
const { warnings, lines } = await readLog(
  path,
  (h) => (analyzer = createAnalyzer(h)),
  (r) => {
    records++;
    analyzer!.add(r);
  },
);
const readMs = performance.now() - startMs;
const report = analyzer!.finish(warnings);
const totalMs = performance.now() - startMs;
clearInterval(sampler);
peakHeapBytes = Math.max(peakHeapBytes, process.memoryUsage().heapUsed);
console.log(
  JSON.stringify({
    lines,
    records,
    readAndAddMs: readMs,
    finishMs: totalMs - readMs,
    totalMs,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    peakHeapBytes,
    verdict: report.verdict,
    issues: report.issues.map((i) => i.id),
    reportBytes: JSON.stringify(report).length,
  }),
);
