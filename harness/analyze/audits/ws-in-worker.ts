/**
 * ws-in-worker: WebSockets that live in a Web Worker (harness `worker-ws` records, from CDP). The in-page monitor
 * wraps the page's WebSocket only, so for these sockets it sees no bufferedAmount and decodes no frame: backpressure
 * and turn timings on them are not judged; CDP's frame and byte counts are all the log has. Emitted only when such a
 * socket was seen (the records exist only in harness logs).
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { clipDetail } from '../judge/quote-detail.ts';
import type { Audit } from './audit.ts';

export const wsInWorkerAudit: Audit = {
  id: 'ws-in-worker',
  title: 'No WebSocket inside a Web Worker',
  failureTitle: 'WebSocket inside a Web Worker',
  requires: ['harness'],
  recommendation:
    "The realtime socket lives in a Web Worker, out of the monitor's reach: to judge backpressure and turn timings, open the socket on the page, or load the monitor in the worker and post its records to the page.",
  judge: judgeWsInWorker,
};

function judgeWsInWorker(ctx: AnalysisContext): Check | null {
  const sockets = [...ctx.data.workerSockets.values()];
  if (sockets.length === 0) return null;
  const total = (key: 'framesSent' | 'framesReceived' | 'bytesSent' | 'bytesReceived'): number => sockets.reduce((sum, s) => sum + s[key], 0);
  const first = sockets[0]!;
  const closed = sockets.filter((s) => s.closed).length;
  return makeCheck({
    id: 'ws-in-worker',
    level: 'warn',
    title: 'WebSocket inside a Web Worker',
    expected: 0,
    actual: sockets.length,
    operator: '<=',
    unit: 'sockets',
    passed: false,
    message: `ws-in-worker: ${sockets.length} WebSocket(s) live in a Web Worker (first ${clipDetail(first.url, 80)} in worker ${clipDetail(first.worker, 60)}): the monitor cannot see their bufferedAmount or decode their frames; CDP frame counts ${total('framesSent')} sent / ${total('framesReceived')} received${closed ? `, ${closed} closed` : ''}`,
    evidence: {
      sockets: sockets.length,
      framesSent: total('framesSent'),
      framesReceived: total('framesReceived'),
      bytesSent: total('bytesSent'),
      bytesReceived: total('bytesReceived'),
      closed,
    },
  });
}
