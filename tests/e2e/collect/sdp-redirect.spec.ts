/**
 * The SDP redirect and the ephemeral-key stub on a real page: what the app sends to https://api.openai.com reaches
 * a loopback server with its method, query, body (the multipart form with `sdp` and `session`) and headers minus
 * Authorization; the page reads the server's status, SDP answer and Location; a server that does not answer is a
 * network error for the page and a note; the key request is answered with a fake ek_ key in both shapes.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { installEphemeralKeyStub } from '../../../harness/collect/ephemeral-key-stub.ts';
import { installSdpRedirect } from '../../../harness/collect/sdp-redirect.ts';
import type { LogRecord } from '../../../harness/log/log-schema.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

async function startServer() {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>app</title>');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(201, { 'content-type': 'application/sdp', location: '/v1/realtime/calls/rtc_test123' }).end('v=0\r\nanswer\r\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test('an SDP offer to api.openai.com is answered by the server; the page reads status, answer and Location', async ({ page }) => {
  const server = await startServer();
  const records: LogRecord[] = [];
  const sink = { write: (r: LogRecord) => void records.push(r) };
  try {
    await installSdpRedirect({
      page,
      redirect: { patterns: ['https://api.openai.com/v1/realtime/calls*', 'https://api.openai.com/v1/realtime?*'], serverHttpUrl: server.url },
      sink,
      clock: { nowMs: () => 1 },
    });
    await installEphemeralKeyStub({ page, patterns: [`${server.url}token`], sink, clock: { nowMs: () => 2 } });
    await page.goto(server.url);
    const result = await page.evaluate(async () => {
      const key = await (await fetch('/token', { method: 'POST' })).json();
      const form = new FormData();
      form.set('sdp', 'v=0\r\noffer\r\n');
      form.set('session', JSON.stringify({ type: 'realtime', model: 'gpt-realtime' }));
      const older = await fetch('https://api.openai.com/v1/realtime?model=gpt-realtime', {
        method: 'POST',
        body: form,
        headers: { Authorization: `Bearer ${key.value}`, 'X-OpenAI-Agents-SDK': 'agents-test' },
      });
      const ga = await fetch('https://api.openai.com/v1/realtime/calls', {
        method: 'POST',
        body: 'v=0\r\nga\r\n',
        headers: { 'Content-Type': 'application/sdp' },
      });
      return {
        key,
        older: { status: older.status, type: older.headers.get('content-type'), location: older.headers.get('Location'), body: await older.text() },
        ga: { status: ga.status, location: ga.headers.get('Location') },
      };
    });
    expect(result.key.value).toMatch(/^ek_voice_soak_[0-9a-f]{24}$/);
    expect(result.key.client_secret.value).toBe(result.key.value);
    expect(result.older).toEqual({ status: 201, type: 'application/sdp', location: '/v1/realtime/calls/rtc_test123', body: 'v=0\r\nanswer\r\n' });
    expect(result.ga).toEqual({ status: 201, location: '/v1/realtime/calls/rtc_test123' });
    expect(server.seen.map((s) => `${s.method} ${s.url}`)).toEqual(['POST /v1/realtime?model=gpt-realtime', 'POST /v1/realtime/calls']);
    const [older, ga] = server.seen as [Seen, Seen];
    expect(older.headers.authorization).toBeUndefined();
    expect(older.headers['x-openai-agents-sdk']).toBe('agents-test');
    expect(older.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(older.body).toContain('name="sdp"');
    expect(older.body).toContain('v=0\r\noffer');
    expect(older.body).toContain('name="session"');
    expect(ga.headers['content-type']).toBe('application/sdp');
    expect(ga.body).toBe('v=0\r\nga\r\n');
    const notes = records.map((r) => (r.type === 'harness' ? r.detail : ''));
    expect(notes).toEqual([
      `ephemeral-key POST ${server.url}token`,
      `redirect-sdp POST https://api.openai.com/v1/realtime?model=gpt-realtime -> ${server.url}v1/realtime?model=gpt-realtime: 201 (dropped Authorization)`,
      `redirect-sdp POST https://api.openai.com/v1/realtime/calls -> ${server.url}v1/realtime/calls: 201`,
    ]);
  } finally {
    await server.close();
  }
});

test('a realtime server that does not answer is a network error for the page and a note', async ({ page }) => {
  const server = await startServer();
  const records: LogRecord[] = [];
  try {
    await installSdpRedirect({
      page,
      redirect: { patterns: ['https://api.openai.com/v1/realtime/calls*'], serverHttpUrl: 'http://127.0.0.1:9/' },
      sink: { write: (r: LogRecord) => void records.push(r) },
      clock: { nowMs: () => 1 },
    });
    await page.goto(server.url);
    const outcome = await page.evaluate(() =>
      fetch('https://api.openai.com/v1/realtime/calls', { method: 'POST', body: 'v=0' }).then(
        (r) => `status ${r.status}`,
        (e: Error) => `rejected ${e.name}`,
      ),
    );
    expect(outcome).toBe('rejected TypeError');
    const detail = records[0]?.type === 'harness' ? records[0].detail : '';
    expect(detail).toMatch(/^redirect-sdp POST https:\/\/api\.openai\.com\/v1\/realtime\/calls -> http:\/\/127\.0\.0\.1:9\/v1\/realtime\/calls: no answer \(/);
  } finally {
    await server.close();
  }
});
