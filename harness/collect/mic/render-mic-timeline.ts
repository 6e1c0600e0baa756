/** Render a device-mode plan to one 24 kHz mono pcm16 track: the utterances at their offsets, silence between. */
import { pickUtterance } from './pick-utterance.ts';
import type { MicTimelinePlan } from './plan-mic-timeline.ts';
import { MIC_SAMPLE_RATE, type UtteranceCatalog } from './utterance-catalog.ts';

export function renderMicTimeline(plan: MicTimelinePlan, catalog: UtteranceCatalog): Int16Array {
  const at = (ms: number) => Math.round((ms / 1000) * MIC_SAMPLE_RATE);
  const out = new Int16Array(at(plan.totalMs));
  for (const planned of plan.utterances) {
    const samples = pickUtterance(catalog, planned.utteranceId).samples;
    const start = at(planned.startMs);
    if (start >= out.length) break;
    out.set(samples.subarray(0, out.length - start), start);
  }
  return out;
}
