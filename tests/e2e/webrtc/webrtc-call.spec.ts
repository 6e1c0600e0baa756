import { expect, test } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { startRealtimeServer } from '../../../reference/server/start-realtime-server.ts';
import type { RealtimeServer } from '../../../reference/server/start-realtime-server.ts';
import { launchWebRtcBrowser, runCall } from './webrtc-call-page.ts';

let server: RealtimeServer;
let browser: Browser;
const serverLog: string[] = [];
test.beforeAll(async ({ playwright, launchOptions }) => {
  server = await startRealtimeServer({ appDir: false, replyScale: 0.15, baseLatencyMs: 50, log: (line) => serverLog.push(line) });
  browser = await launchWebRtcBrowser(playwright.chromium, launchOptions);
});
test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('POST /v1/realtime/calls answers the offer: events on oai-events, the VAD hears the Opus mic, Opus reply audio flows, all on 127.0.0.1', async () => {
  test.setTimeout(40_000);
  const page = await browser.newPage();
  await page.goto(server.httpUrl);
  const result = await runCall(page, '/v1/realtime/calls?model=gpt-realtime', 9_000, [
    { type: 'session.update', session: { type: 'realtime', instructions: 'hi' } },
  ]);
  expect(result.status).toBe(201);
  expect(result.location).toMatch(/^\/v1\/realtime\/calls\/rtc_/);
  expect(result.types[0]).toBe('session.created');
  expect(result.types).toContain('session.updated');
  // The beeps are turns: speech boundaries from the decoded Opus track, then replies as RTP (no audio deltas).
  expect(result.types).toContain('input_audio_buffer.speech_started');
  expect(result.types).toContain('input_audio_buffer.speech_stopped');
  expect(result.types).toContain('response.done');
  expect(result.types).toContain('output_audio_buffer.started');
  expect(result.types).toContain('output_audio_buffer.stopped');
  expect(result.types).not.toContain('response.output_audio.delta');
  expect(result.types).not.toContain('error');
  // 20 ms frames, continuous: about 50 a second once connected (>= 6 of the 9 s).
  expect(result.inbound?.packetsReceived).toBeGreaterThan(300);
  expect(result.inbound?.packetsLost).toBe(0);
  const inbound = result.inbound;
  if (!inbound) throw new Error(`no inbound-rtp stats; server log:\n${serverLog.join('\n')}`);
  // Continuous 20 ms frames (silence between replies): the jitter buffer conceals almost nothing on loopback.
  console.log(JSON.stringify(inbound));
  expect(inbound.concealedSamples / inbound.totalSamplesReceived).toBeLessThan(0.05);
  expect(result.addresses).toEqual(['127.0.0.1', '127.0.0.1']);
  await page.close();
});

test('the multipart form (sdp + session) and the older POST /v1/realtime?model= answer too; bad requests get one-line JSON errors', async () => {
  test.setTimeout(30_000);
  const page = await browser.newPage();
  await page.goto(server.httpUrl);
  const older = await runCall(page, '/v1/realtime?model=gpt-4o-realtime-preview', 2_500, [{ type: 'response.create' }]);
  expect(older.status).toBe(201);
  expect(older.types[0]).toBe('session.created');
  expect(older.types).toContain('response.created');
  const multipart = await page.evaluate(async () => {
    const pc = new RTCPeerConnection();
    pc.addTransceiver('audio', { direction: 'sendrecv' });
    const types: string[] = [];
    const dc = pc.createDataChannel('oai-events');
    dc.onmessage = (e) => types.push(JSON.stringify(JSON.parse(String(e.data))));
    await pc.setLocalDescription(await pc.createOffer());
    const form = new FormData();
    form.set('sdp', pc.localDescription?.sdp ?? '');
    form.set('session', JSON.stringify({ type: 'realtime', instructions: 'Speak like a pirate.' }));
    const response = await fetch('/v1/realtime/calls', { method: 'POST', body: form });
    await pc.setRemoteDescription({ type: 'answer', sdp: await response.text() });
    for (let i = 0; i < 50 && types.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    pc.close();
    return { status: response.status, first: types[0] ?? '' };
  });
  expect(multipart.status).toBe(201);
  expect(JSON.parse(multipart.first)).toMatchObject({ type: 'session.created', session: { instructions: 'Speak like a pirate.' } });
  await page.close();

  const post = (body: string, contentType: string) =>
    fetch(`${server.httpUrl}v1/realtime/calls`, { method: 'POST', body, headers: { 'content-type': contentType } });
  const wrongType = await post('v=0', 'application/json');
  expect(wrongType.status).toBe(415);
  expect(((await wrongType.json()) as { error: { message: string } }).error.message).toMatch(/^Unsupported Content-Type "application\/json"/);
  const notSdp = await post('hello', 'application/sdp');
  expect(notSdp.status).toBe(400);
  expect(((await notSdp.json()) as { error: { code: string } }).error.code).toBe('invalid_offer');
  const preflight = await fetch(`${server.httpUrl}v1/realtime/calls`, { method: 'OPTIONS' });
  expect(preflight.headers.get('access-control-expose-headers')).toBe('Location');
  expect(preflight.headers.get('access-control-allow-headers')).toContain('x-openai-agents-sdk');
});

test('rtp-loss and rtp-jitter reach the page: packets lost, jitter up; a clean call loses none', async () => {
  test.setTimeout(30_000);
  const page = await browser.newPage();
  await page.goto(server.httpUrl);
  const lossy = await runCall(page, '/v1/realtime/calls?voice_soak_faults=rtp-loss:0.2', 4_000, []);
  const jittery = await runCall(page, '/v1/realtime/calls?voice_soak_faults=rtp-jitter:80', 4_000, []);
  expect(lossy.types).not.toContain('error');
  // About 150 frames in the 3 s after connect: 20 % lost is 30 (binomial, 95 % within 20-40).
  expect(lossy.inbound?.packetsLost).toBeGreaterThan(12);
  expect(jittery.inbound?.jitter).toBeGreaterThan(0.01); // seconds; a clean loopback call measures about 0.002
  await page.close();
});
