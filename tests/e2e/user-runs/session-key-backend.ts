/**
 * The backend of the ephemeral-key test app (tests/e2e/fixtures-pages/ephemeral-key) on 127.0.0.1, port 0: it
 * serves the page's files and answers `POST /session` as an app's token server does, with an ephemeral key in
 * `client_secret.value`, but only to the Authorization header it expects. It counts what it answered, so a test
 * can show the secrets really travelled.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const PAGE_DIR = join(import.meta.dirname, '..', 'fixtures-pages', 'ephemeral-key');
const FILES: Record<string, [string, string]> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/app.js': ['app.js', 'text/javascript; charset=utf-8'],
};

export interface SessionKeyBackend {
  url: string;
  /** Sessions minted for the expected Authorization header / requests refused. */
  counts: { minted: number; refused: number };
  close(): Promise<void>;
}

export async function startSessionKeyBackend(expectedAuthorization: string, ephemeralKey: string): Promise<SessionKeyBackend> {
  const counts = { minted: 0, refused: 0 };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'POST' && path === '/session') {
      req.resume();
      if (req.headers.authorization !== expectedAuthorization) {
        counts.refused++;
        return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad key"}');
      }
      counts.minted++;
      const body = { id: 'sess_test', object: 'realtime.session', model: 'gpt-realtime', client_secret: { value: ephemeralKey, expires_at: 1_900_000_000 } };
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }
    const file = req.method === 'GET' ? FILES[path] : undefined;
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[1] }).end(await readFile(join(PAGE_DIR, file[0])));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
