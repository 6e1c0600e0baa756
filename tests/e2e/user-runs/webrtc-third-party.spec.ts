/**
 * Two third-party-style WebRTC Realtime apps soaked unmodified through the user's path (the soak spec as a child,
 * documented settings only): webrtc-guide (plain page from the Realtime API's WebRTC guide) and agents-realtime
 * (@openai/agents-realtime's OpenAIRealtimeWebRTC, bundled with esbuild). Both hard-code
 * https://api.openai.com/v1/realtime/calls and fetch an ephemeral key from their own backend first: SOAK_TRANSPORT=webrtc
 * redirects the SDP exchange to the embedded realtime server the harness starts, SOAK_EPHEMERAL_KEY_URL answers the
 * key request. Clean runs pass (no error finding) with getStats samples every second and a TTFR on the turns; the
 * server faults rtp-loss and rtp-jitter fail with their own ids. Four runs of 20 s, about 50 s each on an idle machine.
 */
import { expect, test } from '@playwright/test';
import { buildAgentsRealtimeClient } from './build-agents-realtime-client.ts';
import { assertionOf, failedErrorIds, runUserSoak, turnCoverage, type UserSoak } from './run-user-soak.ts';
import { useScratchDirs } from './scratch-dir.ts';
import { useThirdPartySite } from './third-party-site.ts';

const site = useThirdPartySite();
const scratchDir = useScratchDirs();

interface WebRtcClient {
  folder: string;
  settings: (origin: string) => Record<string, string>;
}

const CLIENTS: WebRtcClient[] = [
  {
    folder: 'webrtc-guide',
    settings: (origin) => ({ SOAK_START_SELECTOR: '#start', SOAK_TRANSPORT: 'webrtc', SOAK_EPHEMERAL_KEY_URL: `${origin}/token` }),
  },
  {
    folder: 'agents-realtime',
    settings: (origin) => ({ SOAK_START_SELECTOR: '#connect', SOAK_TRANSPORT: 'webrtc', SOAK_EPHEMERAL_KEY_URL: `${origin}/api/session` }),
  },
];

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  await buildAgentsRealtimeClient();
});

async function soak(client: WebRtcClient, variant: string, extra: Record<string, string> = {}): Promise<UserSoak> {
  const origin = new URL(site.url()).origin;
  const run = await runUserSoak(
    scratchDir(`${client.folder}-${variant}`),
    { SOAK_TARGET_URL: `${site.url()}${client.folder}/`, SOAK_DURATION: '20s', ...client.settings(origin), ...extra },
    150_000, // about 45 s on an idle machine; the child is killed at this, so a slow machine gets a report, not a kill
  );
  const notes = run.records.filter((r) => r.type === 'harness' && r.kind === 'note' && /^(redirect-sdp|ephemeral-key) /.test(r.detail ?? ''));
  console.log(
    `${client.folder} ${variant}: exit ${run.code}, failed [${failedErrorIds(run.report).join(', ')}]; ${['packet-loss', 'jitter-growth', 'audio-concealment']
      .map((id) => assertionOf(run, id)?.message)
      .join(' | ')}`,
  );
  expect(notes.map((r) => (r as { detail: string }).detail).join('\n'), run.explain).toMatch(
    /ephemeral-key (GET|POST) .*\n?.*redirect-sdp POST https:\/\/api\.openai\.com\/v1\/realtime\/calls -> http:\/\/127\.0\.0\.1:\d+\/v1\/realtime\/calls: 201 \(dropped Authorization\)/,
  );
  return run;
}

for (const client of CLIENTS) {
  test(`${client.folder}: runs clean, unmodified, with getStats samples every second and a TTFR on the turns`, async () => {
    const run = await soak(client, 'clean');
    expect(run.code, run.explain).toBe(0);
    expect(failedErrorIds(run.report), run.explain).toEqual([]);
    expect(run.header.meta?.transport).toBe('webrtc');
    const rtc = run.records.filter((r) => r.type === 'rtc');
    const dc = run.records.filter((r) => r.type === 'dc');
    expect(rtc.length, run.explain).toBeGreaterThanOrEqual(12);
    expect(dc.length, run.explain).toBeGreaterThanOrEqual(12);
    const gaps = rtc
      .slice(1)
      .map((r, i) => r.tMs - rtc[i]!.tMs)
      .sort((a, b) => a - b);
    expect(gaps[Math.floor(gaps.length / 2)]!, run.explain).toBeLessThan(1_300); // one sample a second
    const turns = turnCoverage(run.records);
    console.log(`${client.folder} clean: ${turns.withTtfr} of ${turns.scripted} turns with a TTFR: ${turns.ttfrMs.map(Math.round).join(', ')} ms`);
    expect(turns.withTtfr, run.explain).toBeGreaterThanOrEqual(Math.max(2, turns.scripted - 1));
    // Each WebRTC audit judged the call (none lacked data); a short run's jitter-buffer trend may only warn.
    for (const id of ['packet-loss', 'jitter-growth', 'audio-concealment', 'jitter-buffer-growth', 'datachannel-backpressure']) {
      expect(assertionOf(run, id), `${id}\n${run.explain}`).toBeDefined();
    }
    expect(assertionOf(run, 'packet-loss'), run.explain).toMatchObject({ passed: true });
    expect(
      run.records.some((r) => r.type === 'harness' && r.kind === 'blocked'),
      run.explain,
    ).toBe(false);
  });
}

// One fault per client keeps the file's test time near 3 minutes; each fault fails its own id on either client.
for (const [folder, fault, id] of [
  ['webrtc-guide', 'rtp-loss', 'packet-loss'],
  ['agents-realtime', 'rtp-jitter', 'jitter-growth'],
] as const) {
  test(`${folder}: the server fault ${fault} fails ${id}`, async () => {
    const client = CLIENTS.find((c) => c.folder === folder)!;
    const run = await soak(client, fault, { SOAK_FAULTS: fault });
    expect(run.code, run.explain).toBe(1);
    expect(failedErrorIds(run.report), run.explain).toContain(id);
    expect(
      run.records.some((r) => r.type === 'harness' && r.kind === 'fault' && JSON.stringify(r).includes('"applied"')),
      run.explain,
    ).toBe(true);
  });
}
