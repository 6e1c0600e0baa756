/**
 * datachannel-stall: after each utterance the caller spoke (mic records) once the data channel was open, the wait
 * for the server's answer on it (the first speech_stopped, committed or response.created decoded after the
 * utterance's end), against maxDataChannelWaitMs. A server answers an utterance on oai-events within about a second;
 * a channel that gives no answer for seconds while the call's audio flows has stalled, and the app's captions and
 * state freeze with it, though the reply is heard. Any message counts for nothing here: a straggler from the last
 * turn can arrive inside a stall. The page's own bufferedAmount does not show this (it sends little, and the SCTP association still
 * acknowledges): datachannel-backpressure is the check for the page's sends. An utterance at the end of the run
 * counts its wait up to the last data channel sample. Not a WebRTC run, no data channel samples (no-data-datachannel
 * says so) or no utterance timed at the mic: no assertion.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import { isWebRtcRun } from '../judge/no-data-webrtc.ts';
import type { Audit } from './audit.ts';

export const datachannelStallAudit: Audit = {
  id: 'datachannel-stall',
  title: 'Data channel answers the caller',
  failureTitle: 'Data channel stalled',
  requires: ['monitor'],
  recommendation:
    'The oai-events channel went silent after the caller spoke while the call stayed up: the server (or a proxy) stopped sending events, or the page stopped reading them. Check the server side of the channel; in the app, time out a turn that hears audio without its events and recover (resend, or reconnect the call).',
  judge: judgeDatachannelStall,
};

interface Wait {
  fromMs: number;
  waitMs: number;
  answered: boolean;
}

const seconds = (ms: number) => `${formatNumber(ms / 1000)} s`;

function judgeDatachannelStall(ctx: AnalysisContext): Check | null {
  if (!isWebRtcRun(ctx)) return null;
  const { answerMs, dcOpenMs, dcLastMs } = ctx.data.webrtc;
  if (dcOpenMs === null || dcLastMs === null) return null;
  const waits: Wait[] = [];
  for (const { endMs } of ctx.data.edges.speech) {
    if (endMs < dcOpenMs || endMs > dcLastMs) continue;
    const next = answerMs.find((t) => t > endMs);
    waits.push({ fromMs: endMs, waitMs: (next ?? Math.max(dcLastMs, ctx.durationMs)) - endMs, answered: next !== undefined });
  }
  if (waits.length === 0) return null;
  const budget = ctx.thresholds.maxDataChannelWaitMs;
  const worst = waits.reduce((a, b) => (b.waitMs > a.waitMs ? b : a));
  const over = waits.filter((w) => w.waitMs > budget).length;
  const passed = worst.waitMs <= budget;
  const what = worst.answered
    ? `no answer came on the data channel for ${seconds(worst.waitMs)}`
    : `no answer came on the data channel in the ${seconds(worst.waitMs)} left of the run`;
  return makeCheck({
    id: 'datachannel-stall',
    level: 'error',
    title: passed ? 'Data channel answers the caller' : 'Data channel stalled',
    expected: budget,
    actual: worst.waitMs,
    operator: '<=',
    unit: 'ms',
    passed,
    message: passed
      ? `datachannel-stall: longest wait ${seconds(worst.waitMs)} <= ${seconds(budget)} for the server's answer on the data channel after the caller spoke (${waits.length} utterances)`
      : `datachannel-stall: ${seconds(worst.waitMs)} > ${seconds(budget)}: after the caller's utterance ending at ${seconds(worst.fromMs)} ${what} (${over} of ${waits.length} utterances waited longer)`,
    evidence: { longestWaitMs: worst.waitMs, utterances: waits.length, over, budget },
    window: { fromMs: worst.fromMs, toMs: worst.fromMs + worst.waitMs },
  });
}
