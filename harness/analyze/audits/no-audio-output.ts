/**
 * no-audio-output: the caller spoke and nothing was ever heard (an error: a voice app that never answers audibly
 * is broken, whatever its protocol says), or the output was not measured at all (the tap wrote nothing: a warning,
 * an error when the run relies on the audio edges because no Realtime event was decoded). A log with neither mic
 * records nor output frames (an older log, a page log) gets no assertion.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, noDataCheck, type Check } from '../judge/check.ts';
import type { Audit } from './audit.ts';

export const noAudioOutputAudit: Audit = {
  id: 'no-audio-output',
  title: 'Replies are heard',
  failureTitle: 'Nothing was ever heard',
  requires: ['harness'],
  recommendation:
    'The page never played audible audio: check that playback starts (autoplay policy, a suspended AudioContext that needs resume(), a muted or detached <audio> element), and that replies arrive at all (the socket counters and the protocol TTFR say).',
  judge: judgeNoAudioOutput,
};

/** Milliseconds as seconds with one decimal: 404200 -> 404.2. */
const seconds = (ms: number) => Math.round(ms / 100) / 10;

function judgeNoAudioOutput(ctx: AnalysisContext): Check | null {
  const { edges, data } = ctx;
  if (!edges.spoke && !edges.tapped && data.header.meta?.protocol !== 'none') return null;
  if (!edges.tapped) {
    const why = data.edges.tapError ?? 'the output tap wrote no frames (the monitor was not in the page, or no audio was ever connected to an output)';
    return noDataCheck('no-audio-output', edges.protocol === 'none' ? 'error' : 'warn', 'Output not measured', `output not measured: ${why}`);
  }
  const passed = edges.heard;
  const spoken = edges.turns.length;
  return makeCheck({
    id: 'no-audio-output',
    level: 'error',
    title: 'Nothing was ever heard',
    expected: 'audible output',
    actual: passed ? `${edges.mouthToEar.length} of ${spoken} turns heard` : 'silence',
    operator: 'present',
    unit: '',
    passed,
    message: passed
      ? `no-audio-output: audible output in ${edges.mouthToEar.length} of ${spoken} turns (${seconds(data.edges.output.audibleMs)} s audible of ${seconds(data.edges.output.measuredMs)} s measured, ${data.edges.output.sources.size} source(s))`
      : `no-audio-output: ${spoken} utterances spoken and nothing audible in ${seconds(data.edges.output.measuredMs)} s of output measured (${[...data.edges.output.sources].join(', ')})`,
    evidence: { turnsSpoken: spoken, turnsHeard: edges.mouthToEar.length, audibleMs: data.edges.output.audibleMs, measuredMs: data.edges.output.measuredMs },
    window: null,
  });
}
