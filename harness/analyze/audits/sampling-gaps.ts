/**
 * sampling-gaps: the longest gap between CDP samples against maxSampleGapMs. Fewer than two CDP samples: no assertion.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import type { Audit } from './audit.ts';

export const samplingGapsAudit: Audit = {
  id: 'sampling-gaps',
  title: 'CDP samples arrive steadily',
  failureTitle: 'Gaps between samples',
  requires: ['cdp'],
  recommendation:
    'Samples are missing: the page main thread was blocked (CDP waits for the current task) or the sampler stalled; look for long tasks at that time.',
  judge: judgeSamplingGaps,
};

function judgeSamplingGaps(ctx: AnalysisContext): Check | null {
  const { data, thresholds } = ctx;
  if (data.cdp.heapUsedBytes.tMs.length < 2) return null;
  const { maxMs, overBudget, maxAtMs, timeouts } = data.sampleGaps;
  const passed = (maxMs ?? 0) <= thresholds.maxSampleGapMs;
  return makeCheck({
    id: 'sampling-gaps',
    level: 'warn',
    title: 'Gaps between samples',
    expected: thresholds.maxSampleGapMs,
    actual: maxMs,
    operator: '<=',
    unit: 'ms',
    passed,
    message: `sampling-gaps: longest gap between CDP samples ${formatNumber(maxMs)} ms ${passed ? '<=' : '>'} ${formatNumber(thresholds.maxSampleGapMs)} ms (${overBudget} gap(s) over budget, ${timeouts} sample timeout(s))`,
    evidence: { maxGapMs: maxMs, gapsOverBudget: overBudget, sampleTimeouts: timeouts },
    window: maxAtMs === null || maxMs === null ? null : { fromMs: maxAtMs, toMs: maxAtMs + maxMs },
  });
}
