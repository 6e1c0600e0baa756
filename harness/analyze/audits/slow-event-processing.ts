/**
 * slow-event-processing: the seed's 5 s event processing timeout, from handler times, long tasks and the page's safeguard.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import type { Audit } from './audit.ts';

export const slowEventProcessingAudit: Audit = {
  id: 'slow-event-processing',
  title: 'Event processing within the timeout',
  failureTitle: 'Event processing over the timeout',
  requires: ['monitor'],
  recommendation:
    'A message took longer than the event processing timeout: log a warning with the detailed state (seed safeguard) and move heavy work out of the handler.',
  judge: judgeSlowEventProcessing,
};

function judgeSlowEventProcessing(ctx: AnalysisContext): Check | null {
  const { data, thresholds } = ctx;
  const safeguard = data.safeguards['event-processing-timeout']?.count ?? 0;
  const count = Math.max(data.slowHandlers.count + data.longTasks.overTimeout, safeguard);
  const longest = Math.max(data.slowHandlers.maxMs ?? 0, data.longTasks.maxMs ?? 0);
  const passed = count === 0;
  return makeCheck({
    id: 'slow-event-processing',
    level: 'error',
    title: 'Event processing over the timeout',
    expected: 0,
    actual: count,
    operator: '<=',
    unit: 'events',
    passed,
    message: passed
      ? `slow-event-processing: no message or task over ${formatNumber(thresholds.eventProcessingTimeoutMs)} ms (longest ${formatNumber(longest)} ms)`
      : `slow-event-processing: ${count} message(s) or task(s) over the ${formatNumber(thresholds.eventProcessingTimeoutMs)} ms event processing timeout (longest ${formatNumber(longest)} ms)`,
    evidence: { slowMessages: data.slowHandlers.count, longTasksOverTimeout: data.longTasks.overTimeout, safeguardTimeouts: safeguard, longestMs: longest },
    window: data.slowHandlers.firstAtMs === null ? null : { fromMs: data.slowHandlers.firstAtMs, toMs: data.slowHandlers.firstAtMs },
  });
}
