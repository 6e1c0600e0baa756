/**
 * Device mode: Chromium's own fake capture device plays one pre-rendered WAV
 * (--use-file-for-fake-audio-capture=<abs>.wav%noloop), so audio goes through the real capture path. The harness
 * only follows the plan: say() waits until the planned utterance has played, counted from the moment the page's
 * getUserMedia resolved (a small init script records it). The file restarts on every new capture (reconnects).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { MicScript } from './mic-script.ts';
import type { ConversationMic } from './conversation-mic.ts';
import { audibleBounds } from './audible-bounds.ts';
import { pickUtterance } from './pick-utterance.ts';
import { encodeWav } from './encode-wav.ts';
import { planMicTimeline, type MicTimelinePlan } from './plan-mic-timeline.ts';
import { renderMicTimeline } from './render-mic-timeline.ts';
import { MIC_SAMPLE_RATE, type UtteranceCatalog } from './utterance-catalog.ts';
import { quietEvaluate } from '../browser-calls/quiet-evaluate.ts';

export function deviceMicLaunchArgs(wavPath: string): string[] {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${resolve(wavPath)}%noloop`];
}

function recordCaptureStart(): void {
  const mediaDevices = navigator.mediaDevices;
  if (!mediaDevices) return;
  const original = mediaDevices.getUserMedia.bind(mediaDevices);
  mediaDevices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    const stream = await original(constraints);
    if (constraints?.audio) (globalThis as { __voiceSoakCaptureStartedAtEpochMs?: number }).__voiceSoakCaptureStartedAtEpochMs = Date.now();
    return stream;
  };
}

/** Render the script's timeline to wavPath and return the mic that follows it. */
export async function createDeviceMic(script: MicScript, catalog: UtteranceCatalog, wavPath: string): Promise<ConversationMic & { plan: MicTimelinePlan }> {
  const plan = planMicTimeline(script, catalog);
  await mkdir(dirname(resolve(wavPath)), { recursive: true });
  await writeFile(wavPath, encodeWav(renderMicTimeline(plan, catalog), MIC_SAMPLE_RATE));
  const captureStart = async (page: Page) => {
    for (const deadline = Date.now() + 30_000; ; ) {
      if (Date.now() > deadline) throw new Error('mic: the page did not start capturing audio within 30 s (device mode)');
      const epochMs = await quietEvaluate(
        page,
        () => (globalThis as { __voiceSoakCaptureStartedAtEpochMs?: number }).__voiceSoakCaptureStartedAtEpochMs ?? null,
      );
      if (epochMs !== null) return epochMs;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    mode: 'device',
    plan,
    async install(page) {
      await page.addInitScript(recordCaptureStart);
    },
    async say(page, _utteranceId, turn) {
      const planned = plan.utterances.find((u) => u.turn === turn);
      if (!planned) throw new Error(`mic: device plan has no turn ${turn}`);
      const startedAtEpochMs = await captureStart(page);
      const waitMs = startedAtEpochMs + planned.endMs - Date.now();
      if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
      const bounds = audibleBounds(pickUtterance(catalog, planned.utteranceId).samples, MIC_SAMPLE_RATE);
      const speech = bounds
        ? {
            utterance: planned.utteranceId,
            startEpochMs: startedAtEpochMs + planned.startMs + bounds.startMs,
            endEpochMs: startedAtEpochMs + planned.startMs + bounds.endMs,
            precise: false,
          }
        : null;
      return { durationMs: planned.endMs - planned.startMs, speech };
    },
    async silence(_page, durationMs) {
      await new Promise((r) => setTimeout(r, durationMs));
    },
  };
}
