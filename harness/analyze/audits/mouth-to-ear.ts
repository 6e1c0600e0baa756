/**
 * mouth-to-ear: p95 of the caller's end of speech to the first audible reply frame (the fake mic's exact end, the
 * output tap's first frame; judge/edge-turns.ts). What a caller feels, whatever the app's protocol or transport.
 * No mic records and no output frames (an older log, a page log): no assertion; turns spoken but none answered
 * audibly: no-audio-output says so.
 */
import { quantile } from '../stats/quantile-sorted.ts';
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import type { Audit } from './audit.ts';

export const mouthToEarAudit: Audit = {
  id: 'mouth-to-ear',
  title: 'Callers hear replies in time',
  failureTitle: 'Slow mouth-to-ear latency',
  requires: ['harness'],
  recommendation:
    'Callers wait too long to hear a reply: compare mouth-to-ear with the protocol TTFR turn by turn. If both are slow, the server or network is; if only mouth-to-ear is, the app buffers or schedules playback late (jitter buffers, waiting for a whole chunk or sentence before playing).',
  judge: judgeMouthToEar,
};

function judgeMouthToEar(ctx: AnalysisContext): Check | null {
  const { edges, thresholds } = ctx;
  if (edges.mouthToEar.length === 0) return null;
  const values = edges.mouthToEar.map(([, v]) => v);
  const p50 = quantile(values, 0.5)!;
  const p95 = quantile(values, 0.95)!;
  const p99 = quantile(values, 0.99)!;
  const budget = thresholds.mouthToEarP95Ms;
  const passed = p95 <= budget;
  const ttfr = edges.turns.flatMap((t) => (t.ttfrMs === null || t.mouthToEarMs === null ? [] : [t.mouthToEarMs - t.ttfrMs]));
  const beyond = ttfr.length ? `; median ${formatNumber(quantile(ttfr, 0.5)!)} ms beyond the protocol TTFR` : '';
  return makeCheck({
    id: 'mouth-to-ear',
    level: 'error',
    title: 'Slow mouth-to-ear latency',
    expected: budget,
    actual: p95,
    operator: '<=',
    unit: 'ms',
    passed,
    message: `mouth-to-ear: p95 ${formatNumber(p95)} ms ${passed ? '<=' : '>'} ${formatNumber(budget)} ms (p50 ${formatNumber(p50)}, p99 ${formatNumber(p99)}; ${values.length} of ${edges.turns.length} turns heard${beyond})`,
    evidence: { p50Ms: p50, p95Ms: p95, p99Ms: p99, turnsHeard: values.length, turnsSpoken: edges.turns.length, budgetMs: budget },
    window: { fromMs: edges.mouthToEar[0]![0], toMs: edges.mouthToEar.at(-1)![0] },
  });
}
