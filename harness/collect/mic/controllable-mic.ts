/**
 * The default fake microphone: the harness decides what the page hears and when (see controllable-mic-page.ts).
 * Utterance PCM reaches the page through page.evaluate as base64 (once per page load and utterance, about 130 KB
 * per 2 s of 24 kHz audio), not through page.route: routing would put every request of the app under interception
 * and does not work for pages that are not http(s).
 */
import type { ConversationMic } from './conversation-mic.ts';
import { installControllableMicInPage } from './controllable-mic-page.ts';
import { audibleBounds } from './audible-bounds.ts';
import { pickUtterance } from './pick-utterance.ts';
import { MIC_SAMPLE_RATE, type UtteranceCatalog } from './utterance-catalog.ts';
import { quietEvaluate } from '../browser-calls/quiet-evaluate.ts';

interface PageMic {
  load(id: string, base64: string, sampleRate: number): void;
  has(id: string): boolean;
  play(id: string): Promise<{ durationMs: number; cut: boolean; startedAtEpochMs: number }>;
  stop(): void;
}

export function createControllableMic(catalog: UtteranceCatalog): ConversationMic {
  const base64Of = new Map<string, string>();
  const boundsOf = new Map<string, ReturnType<typeof audibleBounds>>();
  return {
    mode: 'controllable',
    async install(page) {
      await page.addInitScript(installControllableMicInPage);
    },
    async say(page, utteranceId) {
      const utterance = pickUtterance(catalog, utteranceId);
      const loaded = await quietEvaluate(page, (id: string) => (globalThis as { __voiceSoakMic?: PageMic }).__voiceSoakMic?.has(id) ?? null, utterance.id);
      if (loaded === null) throw new Error('mic: the controllable mic is not installed in this page (install() before goto)');
      if (!loaded) {
        let base64 = base64Of.get(utterance.id);
        if (!base64) {
          base64 = Buffer.from(utterance.samples.buffer, utterance.samples.byteOffset, utterance.samples.byteLength).toString('base64');
          base64Of.set(utterance.id, base64);
        }
        await quietEvaluate(
          page,
          ([id, data, rate]: readonly [string, string, number]) => (globalThis as unknown as { __voiceSoakMic: PageMic }).__voiceSoakMic.load(id, data, rate),
          [utterance.id, base64, MIC_SAMPLE_RATE] as const,
        );
      }
      const played = await quietEvaluate(page, (id: string) => (globalThis as unknown as { __voiceSoakMic: PageMic }).__voiceSoakMic.play(id), utterance.id);
      if (!boundsOf.has(utterance.id)) boundsOf.set(utterance.id, audibleBounds(utterance.samples, MIC_SAMPLE_RATE));
      const bounds = boundsOf.get(utterance.id);
      const speech = bounds
        ? {
            utterance: utterance.id,
            startEpochMs: played.startedAtEpochMs + bounds.startMs,
            endEpochMs: played.startedAtEpochMs + Math.min(bounds.endMs, played.durationMs),
            precise: true,
          }
        : null;
      return { durationMs: played.durationMs, speech: speech && speech.endEpochMs > speech.startEpochMs ? speech : null };
    },
    async silence(page, durationMs) {
      await quietEvaluate(page, () => (globalThis as unknown as { __voiceSoakMic?: PageMic }).__voiceSoakMic?.stop()).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, durationMs));
    },
  };
}
