/**
 * no-data-ws: no WebSocket sample in the log. The message names the most likely cause from what the log has: the
 * socket lives in a Web Worker (CDP saw it; the monitor, which records sockets, cannot wrap it there), the monitor
 * never answered, the harness noted a failure (a redirect's upstream refused), or no socket opened after the start.
 */
import type { AnalysisContext } from './analysis-context.ts';
import { noDataCheck, type Check } from './check.ts';
import type { CollectedData } from './collected-data.ts';
import { missingDataLevel } from './missing-data-level.ts';
import { clipDetail, quoteDetail } from './quote-detail.ts';

export function noDataWsCheck(ctx: AnalysisContext): Check {
  const { data } = ctx;
  return noDataCheck('no-data-ws', missingDataLevel(data.header, 'ws'), 'No WebSocket samples', `no WebSocket samples${likelyCause(data)}`);
}

function likelyCause(data: CollectedData): string {
  const { notes } = data;
  const worker = data.workerSockets.values().next().value;
  if (worker) {
    return `: the app's socket lives in a Web Worker (${data.workerSockets.size} seen over CDP, first ${clipDetail(worker.url, 80)}), where the monitor cannot wrap it, so backpressure cannot be judged`;
  }
  if (notes.monitorMissing) return `: the in-page monitor, which records them, never answered (harness: ${quoteDetail(notes.monitorMissing)})`;
  if (notes.failure) {
    return notes.failure.startsWith('redirect-ws')
      ? `: the WebSocket redirect failed upstream (harness: ${quoteDetail(notes.failure)}): is the realtime server running?`
      : `: the harness noted ${quoteDetail(notes.failure)}`;
  }
  if (notes.noSocket)
    return `: the page opened no WebSocket after the start (harness: ${quoteDetail(notes.noSocket)}): check the start selector and the app's endpoint`;
  if (notes.redirect) return `, though the harness redirected one (${quoteDetail(notes.redirect)}): was the monitor installed before the app opened it?`;
  return data.header.source === 'page' ? ': did the page open a WebSocket after the monitor loaded?' : ': was the tap installed?';
}
