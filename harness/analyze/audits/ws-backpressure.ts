/**
 * ws-backpressure: WebSocket bufferedAmount, judged as a level that must drain (level-check.ts), or sends that go
 * unanswered (always error-level: they win over a passed or merely warned send-buffer check). No samples: no-data-ws,
 * unless the app talked over a WebRTC data channel instead (then no assertion: datachannel-backpressure judges it).
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import type { Check } from '../judge/check.ts';
import { levelCheck, unansweredCheck } from '../judge/level-check.ts';
import { noDataWsCheck } from '../judge/no-data-ws.ts';
import type { Audit } from './audit.ts';

export const wsBackpressureAudit: Audit = {
  id: 'ws-backpressure',
  title: 'WebSocket send buffer drains',
  failureTitle: 'WebSocket send buffer grows',
  requires: ['ws'],
  recommendation:
    'WebSocket buffer growth: monitor backpressure (bufferedAmount) and implement flow control; pause or drop mic audio while the socket is backed up.',
  noData: {
    'no-data-ws':
      'Install the WebSocket tap (the init-script wrapper) so bufferedAmount and frame counts are recorded; if the socket lives in a Web Worker, open it on the page (or post its state to the page) so the monitor can wrap it.',
  },
  judge: judgeWsBackpressure,
};

function judgeWsBackpressure(ctx: AnalysisContext): Check | null {
  const { data, thresholds, trends } = ctx;
  // A WebRTC app without a WebSocket: its events go over the data channel, judged by datachannel-backpressure.
  if (!data.wsBufferedBytes.tMs.length && data.webrtc.dcSamples > 0) return null;
  if (!data.wsBufferedBytes.tMs.length) return noDataWsCheck(ctx);
  const level = levelCheck(ctx, {
    id: 'ws-backpressure',
    title: 'WebSocket send buffer grows',
    series: data.wsBufferedBytes,
    trend: trends.wsBufferedBytes,
    budget: thresholds.maxWsBufferedBytes,
    unit: 'bytes',
    what: 'WebSocket bufferedAmount',
  });
  const unanswered = unansweredCheck(ctx);
  return unanswered && (level.assertion.passed || level.assertion.level === 'warn') ? unanswered : level;
}
