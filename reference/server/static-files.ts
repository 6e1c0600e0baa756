/**
 * Serves files under one root directory: correct content types, `/` -> index.html, no path traversal (anything that
 * resolves outside the root, or contains a NUL, is 404). GET and HEAD only.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wav': 'audio/wav',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export async function serveStaticFile(rootDir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'method not allowed');
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    return sendText(res, 400, 'bad request');
  }
  const root = resolve(rootDir);
  const filePath = resolve(root, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
  if (pathname.includes('\0') || (filePath !== root && !filePath.startsWith(root + sep))) return sendText(res, 404, 'not found');
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile()) return sendText(res, 404, 'not found');
  res.writeHead(200, { 'content-type': contentTypeFor(filePath), 'content-length': info.size, 'cache-control': 'no-store' });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(filePath)
    .on('error', () => res.destroy())
    .pipe(res);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
