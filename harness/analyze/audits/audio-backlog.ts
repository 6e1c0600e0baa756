/**
 * audio-backlog: audio chunks pending playback, judged as a level that must drain (level-check.ts). No chunk counts:
 * no assertion.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import type { Check } from '../judge/check.ts';
import { levelCheck } from '../judge/level-check.ts';
import type { Audit } from './audit.ts';

export const audioBacklogAudit: Audit = {
  id: 'audio-backlog',
  title: 'Audio chunks drain',
  failureTitle: 'Audio chunks accumulate',
  requires: ['monitor'],
  recommendation:
    'Growing audio chunks: make sure audio chunks are cleaned up after processing; if accumulation continues, trigger automatic interruption (seed safeguard: cleanup at 100 chunks).',
  judge: judgeAudioBacklog,
};

function judgeAudioBacklog(ctx: AnalysisContext): Check | null {
  const { data, thresholds, trends } = ctx;
  if (!data.pendingChunks.tMs.length) return null;
  return levelCheck(ctx, {
    id: 'audio-backlog',
    title: 'Audio chunks accumulate',
    series: data.pendingChunks,
    trend: trends.pendingChunks,
    budget: thresholds.maxPendingAudioChunks,
    unit: 'chunks',
    what: 'audio chunks pending playback',
    extraEvidence: { cleanups: data.safeguards['audio-chunk-cleanup']?.count ?? 0 },
  });
}
