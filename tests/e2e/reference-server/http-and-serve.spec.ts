import { spawn } from 'node:child_process';
import { test, expect } from '@playwright/test';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOOL_VERSION } from '../../../harness/config/tool-identity.ts';
import { parseServeArgs } from '../../../reference/server/parse-serve-args.ts';
import { run } from '../../../reference/server/serve-command.ts';
import { startRealtimeServer } from '../../../reference/server/start-realtime-server.ts';
import { RealtimeTestClient } from './realtime-test-client.ts';

const CLI = join(import.meta.dirname, '..', '..', '..', 'bin', 'voice-soak.mjs');

function get(url: string, rawPath?: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path: rawPath ?? u.pathname, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves the app dir with content types, /healthz, and refuses path traversal', async () => {
  const root = mkdtempSync(join(tmpdir(), 'voice-soak-app-'));
  const appDir = join(root, 'dist');
  mkdirSync(join(appDir, 'assets'), { recursive: true });
  writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(appDir, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(join(appDir, 'assets', 'main.js.map'), '{}');
  writeFileSync(join(appDir, 'assets', 'x.wav'), 'RIFF');
  writeFileSync(join(root, 'secret.txt'), 'do not serve');
  const server = await startRealtimeServer({ appDir });
  try {
    expect(server.httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.wsUrl).toBe(`ws://127.0.0.1:${server.port}/v1/realtime`);
    const health = await get(`${server.httpUrl}healthz`);
    expect(health).toMatchObject({ status: 200, type: 'application/json' });
    expect(JSON.parse(health.body)).toEqual({ name: 'voice-soak', version: TOOL_VERSION, replyScale: 1, faults: '' });
    expect(await get(server.httpUrl)).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect((await get(`${server.httpUrl}assets/main.js`)).type).toBe('text/javascript; charset=utf-8');
    expect((await get(`${server.httpUrl}assets/main.js.map`)).type).toBe('application/json; charset=utf-8');
    expect((await get(`${server.httpUrl}assets/x.wav`)).type).toBe('audio/wav');
    expect((await get(`${server.httpUrl}missing.js`)).status).toBe(404);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const res = await get(server.httpUrl, path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('do not serve');
    }
    // The WebSocket endpoint shares the port and accepts any path.
    const client = await RealtimeTestClient.connect(`ws://127.0.0.1:${server.port}/openai/realtime?x=1`);
    expect(client.events[0]!.type).toBe('session.created');
    client.close();
  } finally {
    await server.close();
  }
});

test('without an app dir it serves a "not built" page', async () => {
  const server = await startRealtimeServer({ appDir: false });
  const res = await get(server.httpUrl);
  expect(res.status).toBe(200);
  expect(res.body).toContain('not built');
  await server.close();
});

test('serve arguments: defaults, faults, bad values, loopback only unless --allow-remote', () => {
  expect(parseServeArgs([])).toMatchObject({ port: 8787, host: '127.0.0.1', faults: {} });
  expect(parseServeArgs(['--port', '0', '--fault', 'stall=3', '--fault=ttfr-growth', '--host=localhost'])).toMatchObject({
    port: 0,
    host: 'localhost',
    faults: { stallTurn: 3, latencyGrowthMsPerTurn: 300 },
  });
  expect(() => parseServeArgs(['--port', '70000'])).toThrow(/--port must be an integer/);
  expect(() => parseServeArgs(['--port'])).toThrow(/--port needs a value/);
  expect(() => parseServeArgs(['--fault', 'bogus'])).toThrow(/unknown fault "bogus"/);
  expect(() => parseServeArgs(['--verbose'])).toThrow(/unknown argument "--verbose"/);
  expect(() => parseServeArgs(['stray'])).toThrow(/unknown argument "stray"/);
  // Strict: a flag is not taken as the previous option's value, and a switch takes none.
  expect(() => parseServeArgs(['--port', '--host', 'localhost'])).toThrow(/--port needs a value/);
  expect(() => parseServeArgs(['--allow-remote=yes'])).toThrow(/'--allow-remote' does not take an argument/);
  expect(() => parseServeArgs(['--host', '0.0.0.0'])).toThrow(/--allow-remote/);
  expect(parseServeArgs(['--host', '0.0.0.0', '--allow-remote']).host).toBe('0.0.0.0');
});

test('serve command: bad args exit 64 with one line; `voice-soak serve` runs until SIGTERM, then closes its sockets and exits 0', async () => {
  const errors: string[] = [];
  const originalError = console.error;
  console.error = (line: string) => errors.push(line);
  try {
    expect(await run(['--port', 'x'])).toBe(64);
  } finally {
    console.error = originalError;
  }
  expect(errors).toEqual(['voice-soak serve: --port must be an integer 0..65535, got "x"']);

  // The running server in its own process, as users start it: SIGTERM sent to this test's worker would also close
  // the worker's browser (Playwright stops the browsers it launched on SIGTERM), so the signal goes to the child.
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--fault', 'stall'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await expect.poll(() => out, { timeout: 15_000 }).toContain('Ctrl+C');
    const wsUrl = /ws:\/\/\S+\/v1\/realtime/.exec(out)![0];
    const client = await RealtimeTestClient.connect(wsUrl);
    expect(out).toContain('faults     stall:2');
    child.kill('SIGTERM');
    expect(await exited, out).toBe(0);
    expect(await client.waitClose()).not.toBeNull();
  } finally {
    child.kill('SIGKILL');
  }
});
