import { test, expect } from '@playwright/test';
import { startRealtimeServer } from '../../../reference/server/start-realtime-server.ts';
import type { RealtimeServer } from '../../../reference/server/start-realtime-server.ts';
import { RealtimeTestClient } from './realtime-test-client.ts';

let server: RealtimeServer;
test.beforeAll(async () => {
  server = await startRealtimeServer({ appDir: false, replyScale: 0.03, baseLatencyMs: 50 });
});
test.afterAll(async () => server.close());

const withFaults = (spec: string): string => `${server.wsUrl}?voice_soak_faults=${encodeURIComponent(spec)}`;

/** Time from response.created to the first audio delta, for `turns` back-to-back responses. */
async function firstAudioLatenciesMs(url: string, turns: number): Promise<number[]> {
  const client = await RealtimeTestClient.connect(url);
  const latencies: number[] = [];
  for (let turn = 0; turn < turns; turn++) {
    const from = client.events.length;
    const created = await client.request({ type: 'response.create' }, 'response.created');
    const delta = await client.waitFor((e) => e.type === 'response.output_audio.delta', 5000, from);
    latencies.push(client.receivedAtMs[client.events.indexOf(delta)]! - client.receivedAtMs[client.events.indexOf(created)]!);
    await client.waitFor((e) => e.type === 'response.done', 5000, from);
  }
  client.close();
  return latencies;
}

test('ttfr-growth: time to first audio grows by about N ms per turn; clean stays flat', async () => {
  const clean = await firstAudioLatenciesMs(server.wsUrl, 3);
  const growing = await firstAudioLatenciesMs(withFaults('ttfr-growth:600'), 3);
  expect(Math.max(...clean) - Math.min(...clean)).toBeLessThan(300); // loose: 2 shared cores
  expect(growing[1]! - growing[0]!).toBeGreaterThan(400);
  expect(growing[2]! - growing[1]!).toBeGreaterThan(400);
  expect(growing[0]!).toBeLessThan(clean[0]! + 300);
});

test('protocol-errors: error events on some turns, deterministic per seed; none when clean', async () => {
  async function errorTurns(url: string): Promise<number[]> {
    const client = await RealtimeTestClient.connect(url);
    const turns: number[] = [];
    for (let turn = 1; turn <= 6; turn++) {
      const from = client.events.length;
      client.send({ type: 'response.create' });
      await client.waitFor((e) => e.type === 'response.done', 5000, from);
      const errors = client.events.slice(from).filter((e) => e.type === 'error');
      if (errors.length) turns.push(turn);
      for (const e of errors) expect(e.error).toMatchObject({ type: 'server_error', code: 'injected_fault' });
    }
    client.close();
    return turns;
  }
  expect(await errorTurns(server.wsUrl)).toEqual([]);
  expect(await errorTurns(withFaults('protocol-errors:1'))).toEqual([1, 2, 3, 4, 5, 6]);
  const half = await errorTurns(`${withFaults('protocol-errors:0.5')}&voice_soak_seed=3`);
  expect(half.length).toBeGreaterThan(0);
  expect(half.length).toBeLessThan(6);
  expect(await errorTurns(`${withFaults('protocol-errors:0.5')}&voice_soak_seed=3`)).toEqual(half);
});

test('drop-connection: the socket dies abruptly (1006) after T seconds; clean stays open', async () => {
  const clean = await RealtimeTestClient.connect(server.wsUrl);
  const dropped = await RealtimeTestClient.connect(withFaults('drop-connection:1'));
  const t0 = performance.now();
  const code = await dropped.waitClose(4000);
  const afterMs = performance.now() - t0;
  expect(code).toBe(1006);
  expect(afterMs).toBeGreaterThan(700);
  expect(afterMs).toBeLessThan(2000);
  expect(clean.closeCode).toBeNull();
  clean.close();
});

test('ws-backpressure: once the session is set up, the client bufferedAmount grows while sending; clean drains to zero', async () => {
  async function bufferedAfterSendingBytes(url: string): Promise<number[]> {
    const client = await RealtimeTestClient.connect(url);
    // The fault stops reading after the server answered the first session.update (mid-session, as apps see it).
    client.send({ type: 'session.update', session: { type: 'realtime', instructions: 'be brief' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(
      client.events.some((e) => e.type === 'session.updated'),
      'session.updated before the stall',
    ).toBe(true);
    const audio = Buffer.alloc(96_000).toString('base64'); // 2 s of pcm16 per append
    const samples: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 20; i++) client.send({ type: 'input_audio_buffer.append', audio });
      await new Promise((r) => setTimeout(r, 250));
      samples.push(client.ws.bufferedAmount);
    }
    client.close();
    return samples;
  }
  const clean = await bufferedAfterSendingBytes(server.wsUrl);
  const stuck = await bufferedAfterSendingBytes(withFaults('ws-backpressure'));
  expect(clean.at(-1)).toBe(0);
  expect(stuck.at(-1)!).toBeGreaterThan(4 * 1024 * 1024);
  for (let i = 1; i < stuck.length; i++) expect(stuck[i]!).toBeGreaterThan(stuck[i - 1]!);
});

test('a bad voice_soak_faults query is reported as an error event and ignored', async () => {
  const client = await RealtimeTestClient.connect(withFaults('stall:zero'));
  const error = await client.waitFor((e) => e.type === 'error');
  expect(error.error).toMatchObject({ code: 'invalid_value', param: 'voice_soak_faults' });
  const done = await client.request({ type: 'response.create' }, 'response.done', 5000);
  expect(done.response.status).toBe('completed');
  client.close();
});
