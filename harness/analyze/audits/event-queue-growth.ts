/**
 * event-queue-growth: messages waiting to be handled, judged as a level that must drain (level-check.ts). No queue
 * sizes: no assertion.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import type { Check } from '../judge/check.ts';
import { levelCheck } from '../judge/level-check.ts';
import type { Audit } from './audit.ts';

export const eventQueueGrowthAudit: Audit = {
  id: 'event-queue-growth',
  title: 'Event queue drains',
  failureTitle: 'Event queue grows',
  requires: ['monitor'],
  recommendation:
    'Messages wait longer and longer to be handled: make the message handler cheaper or move work off the main thread; monitor the queue and apply backpressure.',
  judge: judgeEventQueueGrowth,
};

function judgeEventQueueGrowth(ctx: AnalysisContext): Check | null {
  const { data, thresholds, trends } = ctx;
  if (!data.queueSize.tMs.length) return null;
  return levelCheck(ctx, {
    id: 'event-queue-growth',
    title: 'Event queue grows',
    series: data.queueSize,
    trend: trends.queueSize,
    budget: thresholds.maxEventQueueSize,
    unit: 'messages',
    what: 'event queue size',
  });
}
