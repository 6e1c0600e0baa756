/**
 * Fold one harness record into the collected data: crashes, sample timeouts and turn starts, plus what explains a
 * run's missing data or questions its validity: notes, page dialogs, sockets in Web Workers, blocked requests and
 * fault evidence.
 */
import type { HarnessEvent } from '../log/log-schema.ts';
import type { CollectedData, HarnessNotes } from './judge/collected-data.ts';
import { noteFaultRecord } from './judge/fault-evidence.ts';
import { dataFlag, dataNumber, dataText } from './judge/harness-data-field.ts';

export function emptyHarnessNotes(): HarnessNotes {
  return { monitorMissing: null, noSocket: null, redirect: null, failure: null };
}

export function collectHarnessEvent(data: CollectedData, record: HarnessEvent): void {
  switch (record.kind) {
    case 'crash':
      data.crashes.count++;
      if (data.crashes.firstAtMs === null) {
        data.crashes.firstAtMs = record.tMs;
        data.crashes.detail = record.detail ?? null;
      }
      break;
    case 'sample-timeout':
      data.sampleGaps.timeouts++;
      break;
    case 'turn-start':
      data.turnStartsMs.push(record.tMs);
      break;
    case 'ws-closed':
      data.socketCloses.push({ tMs: record.tMs, url: dataText(record, 'url') ?? 'unknown url' });
      break;
    case 'reconnect':
      if (record.detail?.startsWith('planned')) data.plannedReconnectsMs.push(record.tMs);
      break;
    case 'clock-jump':
      data.clockJumps.push({ tMs: record.tMs, jumpMs: dataNumber(record, 'jumpMs') ?? 0 });
      break;
    case 'note':
      if (record.detail) noteDetail(data.notes, record.detail);
      break;
    case 'run-end':
      data.runEnd = { tMs: record.tMs, detail: record.detail };
      break;
    case 'unresponsive': {
      const sinceMs = dataNumber(record, 'sinceMs') ?? record.tMs;
      const forMs = dataNumber(record, 'forMs') ?? 0;
      const ended = dataText(record, 'state') === 'ended';
      const open = data.unresponsive.find((e) => e.sinceMs === sinceMs);
      if (open) Object.assign(open, { forMs: Math.max(open.forMs, forMs), ended: open.ended || ended });
      else data.unresponsive.push({ sinceMs, forMs, ended });
      break;
    }
    case 'dialog':
      data.dialogs.count++;
      data.dialogs.first ??= {
        tMs: record.tMs,
        dialogType: dataText(record, 'dialogType') ?? 'dialog',
        message: dataText(record, 'message') ?? '',
        action: dataText(record, 'action') ?? 'unknown',
      };
      break;
    case 'worker-ws': {
      const url = dataText(record, 'url') ?? 'unknown url';
      const worker = dataText(record, 'worker') ?? 'unknown worker';
      // Each record repeats a socket's running totals: keep the last one per socket (a reconnect is a new socket).
      data.workerSockets.set(`${worker} ${dataText(record, 'socketId') ?? url}`, {
        url,
        worker,
        framesSent: dataNumber(record, 'framesSent') ?? 0,
        framesReceived: dataNumber(record, 'framesReceived') ?? 0,
        bytesSent: dataNumber(record, 'bytesSent') ?? 0,
        bytesReceived: dataNumber(record, 'bytesReceived') ?? 0,
        closed: dataFlag(record, 'closed') ?? false,
      });
      break;
    }
    case 'blocked':
      data.blocked.count++;
      data.blocked.first ??= { tMs: record.tMs, url: dataText(record, 'url') ?? 'unknown url', channel: dataText(record, 'channel') ?? 'request' };
      break;
    case 'fault':
      noteFaultRecord(data.faults, record);
      break;
    default:
      break;
  }
}

function noteDetail(notes: HarnessNotes, detail: string): void {
  if (detail.startsWith('in-page monitor not found')) notes.monitorMissing ??= detail;
  else if (detail.startsWith('no open WebSocket seen')) notes.noSocket ??= detail;
  if (detail.startsWith('redirect-ws')) notes.redirect ??= detail;
  if (/error/i.test(detail)) notes.failure ??= detail;
}
