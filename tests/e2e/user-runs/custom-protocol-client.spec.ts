/**
 * A voice app that does not speak the OpenAI Realtime protocol (tests/third-party-clients/custom-pcm: JSON control
 * messages and binary PCM frames to its own backend, walkie-server.ts), soaked the way a user soaks theirs: the
 * soak spec with documented settings only. Nothing is decoded, so the run is judged on the audio edges (mouth-to-ear,
 * playback gaps, barge-in overlap), memory, DOM and socket counters, and the report says which measures it had.
 */
import { expect, test } from '@playwright/test';
import { assertionOf as assertion, failedErrorIds, runUserSoak, type UserSoak } from './run-user-soak.ts';
import { useScratchDirs } from './scratch-dir.ts';
import { useThirdPartySite } from './third-party-site.ts';
import { startWalkieServer, type WalkieServer } from './walkie-server.ts';

const site = useThirdPartySite();
const scratchDir = useScratchDirs();

async function soak(variant: string, backend: WalkieServer, extra: Record<string, string> = {}): Promise<UserSoak> {
  const dir = scratchDir(`custom-pcm-${variant}`);
  return runUserSoak(dir, { SOAK_TARGET_URL: `${site.url()}custom-pcm/?server=${backend.url}`, SOAK_START_SELECTOR: '#talk', ...extra }, 150_000);
}

test.describe.configure({ timeout: 180_000 });

test('judged on its audio edges: mouth-to-ear on nearly every turn, no gaps, memory and sockets measured, and it passes', async () => {
  const backend = await startWalkieServer();
  try {
    const run = await soak('clean', backend);
    const edges = run.report?.edges;
    const line = `custom-pcm clean: ${run.report?.assertions
      .filter((a) => ['mouth-to-ear', 'playback-gaps', 'heap-growth', 'buffer-growth'].includes(a.id))
      .map((a) => a.message)
      .join(' | ')}`;
    console.log(line);
    expect(run.code, run.explain).toBe(0);
    expect(edges?.protocol, run.explain).toBe('none');
    expect(edges?.protocolReason).toBe('no Realtime events decoded');
    const heard = edges!.turns.filter((t) => t.mouthToEarMs !== null);
    expect(edges!.turns.length, run.explain).toBeGreaterThanOrEqual(4);
    expect(heard.length, run.explain).toBeGreaterThanOrEqual(edges!.turns.length - 1);
    // 600 ms of VAD silence + 300 ms thinking + the client's 50 ms playback lead, plus frame and pull latency.
    for (const t of heard) {
      expect(t.mouthToEarMs!, run.explain).toBeGreaterThan(800);
      expect(t.mouthToEarMs!, run.explain).toBeLessThan(2500);
      expect(t.ttfrMs).toBeNull();
    }
    expect(assertion(run, 'mouth-to-ear'), run.explain).toMatchObject({ passed: true });
    expect(assertion(run, 'playback-gaps'), run.explain).toMatchObject({ passed: true });
    expect(assertion(run, 'heap-growth'), run.explain).toBeDefined();
    expect(run.report!.assertions.map((a) => a.id)).not.toContain('no-data-turns');
    expect(edges!.measures.find((m) => m.name === 'sockets')?.available).toBe(true);
    expect(edges!.measures.find((m) => m.name === 'protocol TTFR')).toMatchObject({ available: false });
    expect(backend.replies()).toBeGreaterThanOrEqual(heard.length);
  } finally {
    await backend.close();
  }
});

test('a backend that stalls 1.5 s mid-reply fails playback-gaps, with SOAK_PROTOCOL=none', async () => {
  const backend = await startWalkieServer({ stallMs: 1_500 });
  try {
    const run = await soak('stall', backend, { SOAK_PROTOCOL: 'none' });
    console.log(`custom-pcm stall: ${assertion(run, 'playback-gaps')?.message}`);
    expect(run.code, run.explain).toBe(1);
    expect(failedErrorIds(run.report), run.explain).toContain('playback-gaps');
    expect(run.report?.edges?.protocolReason).toBe('configured (SOAK_PROTOCOL=none)');
    const gaps = run.report!.edges!.turns.flatMap((t) => t.gapsMs);
    expect(gaps.length, run.explain).toBeGreaterThan(0);
    // Each reply with a gap shows the stall (about 1.5 s). Loaded cores can add a shorter silence beside it: one CI
    // run measured [1500, 1520, 1020 + 1500] ms.
    for (const turn of run.report!.edges!.turns.filter((t) => t.gapsMs.length))
      expect(Math.max(...turn.gapsMs), `${turn.gapsMs.join(', ')} ms\n${run.explain}`).toBeGreaterThan(1_200);
  } finally {
    await backend.close();
  }
});
