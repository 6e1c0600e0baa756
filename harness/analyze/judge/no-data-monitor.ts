/**
 * no-data-monitor: no message record from the in-page monitor, so handler time, the event queue and audio chunks are
 * not judged. The message says why when the log knows: the harness ran without the monitor (meta.monitor = 'off'),
 * the monitor never answered, the socket lives in a Web Worker, or the monitor saw sockets but no message arrived.
 */
import type { AnalysisContext } from './analysis-context.ts';
import { noDataCheck, type Check } from './check.ts';
import type { CollectedData } from './collected-data.ts';
import { missingDataLevel } from './missing-data-level.ts';
import { quoteDetail } from './quote-detail.ts';

export function noDataMonitorCheck(ctx: AnalysisContext): Check {
  const { data } = ctx;
  return noDataCheck('no-data-monitor', missingDataLevel(data.header, 'monitor'), 'No in-page monitor data', message(data));
}

function message(data: CollectedData): string {
  if (data.header.meta?.monitor === 'off')
    return 'the harness ran without the in-page monitor (meta.monitor = off): handler time, event queue and audio chunks not judged';
  if (data.notes.monitorMissing) return `no message records: the in-page monitor never answered (harness: ${quoteDetail(data.notes.monitorMissing)})`;
  if (data.workerSockets.size > 0) return "no message records: the app's socket lives in a Web Worker, where the monitor cannot wrap it";
  if (data.wsSockets.size > 0) return `no message records though the monitor saw ${data.wsSockets.size} WebSocket(s): did the server ever send a message?`;
  return 'no message records from the in-page monitor: was the monitor installed?';
}
