/**
 * Where a secret appears in what a run left on disk: every file under a folder, read as text, and inside every zip
 * archive (the Playwright HTML report embeds its data as a base64 zip in index.html; traces are zips), whose entries
 * are inflated and searched too, for the secret as it is and base64-encoded (at each of the three byte alignments:
 * traces keep binary WebSocket frames and some bodies in base64). Returns "file" or "file!entry" for each hit.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

function zipEntries(zip: Buffer): Array<{ name: string; data: Buffer }> {
  // End of central directory: the last PK\x05\x06 record.
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return [];
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: Array<{ name: string; data: Buffer }> = [];
  for (let i = 0; i < count && zip.readUInt32LE(at) === 0x02014b50; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataAt, dataAt + size);
    entries.push({ name, data: method === 8 ? inflateRawSync(raw) : raw });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function embeddedZips(text: string): Buffer[] {
  return [...text.matchAll(/data:application\/zip;base64,([A-Za-z0-9+/=]+)/g)].map((m) => Buffer.from(m[1]!, 'base64'));
}

/** The secret and the base64 runs that encode it wherever it starts in a byte stream (partial groups cut off). */
function encodings(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const base64 = [0, 1, 2].map((lead) => {
    const encoded = Buffer.concat([Buffer.alloc(lead), bytes]).toString('base64');
    return encoded.slice(lead === 0 ? 0 : lead + 1, Math.floor((lead + bytes.length) / 3) * 4);
  });
  return [secret, ...base64];
}

function search(label: string, data: Buffer, secret: string, hits: string[]): void {
  const text = data.toString('utf8');
  if (encodings(secret).some((form) => text.includes(form))) hits.push(label);
  const zips = data.subarray(0, 2).toString('latin1') === 'PK' ? [data] : embeddedZips(text);
  for (const zip of zips) for (const entry of zipEntries(zip)) search(`${label}!${entry.name}`, entry.data, secret, hits);
}

export function findSecretInArtifacts(dir: string, secret: string): string[] {
  const hits: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true })) {
    const path = join(dir, String(entry));
    if (statSync(path).isFile()) search(path, readFileSync(path), secret, hits);
  }
  return hits;
}

/** How many files and zip entries were searched (so a test can show the scan was not empty). */
export function countArtifacts(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { recursive: true })) {
    const path = join(dir, String(entry));
    if (!statSync(path).isFile()) continue;
    const data = readFileSync(path);
    n +=
      1 +
      (data.subarray(0, 2).toString('latin1') === 'PK' ? [data] : embeddedZips(data.toString('utf8'))).reduce((sum, zip) => sum + zipEntries(zip).length, 0);
  }
  return n;
}
