/**
 * no-data-turns: no turn produced reply audio. When the harness scripted turns, the message says how many and gives
 * the clues the log has for an unreachable server: the first WebSocket close code, a failure the harness noted, the
 * first error; or that the socket lives in a Web Worker, whose replies the monitor cannot decode.
 */
import type { AnalysisContext } from './analysis-context.ts';
import { noDataCheck, type Check } from './check.ts';
import type { CollectedData } from './collected-data.ts';
import { missingDataLevel } from './missing-data-level.ts';
import { quoteDetail } from './quote-detail.ts';

export function noDataTurnsCheck(ctx: AnalysisContext): Check {
  const { data } = ctx;
  return noDataCheck('no-data-turns', missingDataLevel(data.header, 'turns'), 'No replies measured', message(data));
}

function message(data: CollectedData): string {
  const scripted = data.turnStartsMs.length;
  if (scripted === 0) {
    return data.header.source === 'harness'
      ? 'no turn produced reply audio and the harness started no turn: did the conversation start (start selector, microphone)?'
      : 'no turn produced reply audio: did the conversation run?';
  }
  if (data.workerSockets.size > 0) {
    const received = [...data.workerSockets.values()].reduce((sum, s) => sum + s.framesReceived, 0);
    return `${scripted} turn(s) scripted, no reply audio measured: the socket lives in a Web Worker, whose frames the monitor cannot decode (${received} frames received over CDP)`;
  }
  const clues: string[] = [];
  if (data.firstCloseCode !== null) clues.push(`first ws close code ${data.firstCloseCode}`);
  if (data.notes.failure) clues.push(`harness: ${quoteDetail(data.notes.failure)}`);
  else if (data.errors.firstMessage) clues.push(`first error: ${quoteDetail(data.errors.firstMessage)}`);
  return `${scripted} turn(s) scripted, none got reply audio: was the realtime server reachable?${clues.length ? ` (${clues.join('; ')})` : ''}`;
}
