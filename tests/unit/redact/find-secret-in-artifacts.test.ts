/**
 * The artifact search the secret tests rely on (tests/e2e/user-runs/find-secret-in-artifacts.ts) finds a secret in
 * a plain file, in deflated and stored zip entries, in a zip inside a zip, in the base64 zip the HTML report embeds,
 * and base64-encoded at any alignment; and nothing in a folder without it. Without this, "0 hits" could mean "never
 * looked".
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { countArtifacts, findSecretInArtifacts } from '../../e2e/user-runs/find-secret-in-artifacts.ts';

const SECRET = 'sk-findme-0123456789abcdef';

/** A zip record: fixed-size little-endian fields at their offsets, the rest zero. */
function record(size: number, fields: Array<[at: number, bytes: 2 | 4, value: number]>): Buffer {
  const out = Buffer.alloc(size);
  for (const [at, bytes, value] of fields) {
    if (bytes === 2) out.writeUInt16LE(value, at);
    else out.writeUInt32LE(value, at);
  }
  return out;
}

/** A minimal zip: each entry deflated (method 8) or stored (method 0); CRCs are left 0, which the search ignores. */
function zip(entries: Array<{ name: string; data: Buffer; deflate: boolean }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, deflate } of entries) {
    const body = deflate ? deflateRawSync(data) : data;
    const nameBytes = Buffer.from(name);
    const method = deflate ? 8 : 0;
    locals.push(
      record(30, [
        [0, 4, 0x04034b50],
        [8, 2, method],
        [18, 4, body.length],
        [22, 4, data.length],
        [26, 2, nameBytes.length],
      ]),
      nameBytes,
      body,
    );
    centrals.push(
      record(46, [
        [0, 4, 0x02014b50],
        [10, 2, method],
        [20, 4, body.length],
        [24, 4, data.length],
        [28, 2, nameBytes.length],
        [42, 4, offset],
      ]),
      nameBytes,
    );
    offset += 30 + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = record(22, [
    [0, 4, 0x06054b50],
    [8, 2, entries.length],
    [10, 2, entries.length],
    [12, 4, directory.length],
    [16, 4, offset],
  ]);
  return Buffer.concat([...locals, directory, end]);
}

let dir = '';
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'voice-soak-find-secret-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a secret is found in files, zip entries, nested and embedded zips, and in base64 at every alignment', () => {
  const withSecret = Buffer.from(`{"url":"wss://h/?key=${SECRET}"}`);
  mkdirSync(join(dir, 'test-results'));
  writeFileSync(join(dir, 'run.jsonl'), withSecret);
  writeFileSync(
    join(dir, 'test-results', 'trace.zip'),
    zip([
      { name: 'clean.txt', data: Buffer.from('nothing'), deflate: true },
      { name: '1-trace.network', data: withSecret, deflate: true },
    ]),
  );
  const inner = zip([{ name: 'a.txt', data: withSecret, deflate: false }]); // stored: plain at every level
  writeFileSync(join(dir, 'attachment.zip'), zip([{ name: 'inner.zip', data: inner, deflate: false }]));
  writeFileSync(
    join(dir, 'index.html'),
    `<script>window.playwrightReportBase64 = "data:application/zip;base64,${zip([{ name: 'report.json', data: withSecret, deflate: true }]).toString('base64')}";</script>`,
  );
  for (const lead of ['', 'x', 'xy']) writeFileSync(join(dir, `frame-${lead.length}.b64`), Buffer.from(`${lead}${SECRET}tail`).toString('base64'));
  writeFileSync(join(dir, 'clean.md'), 'sk-*** and key=***');

  expect(
    findSecretInArtifacts(dir, SECRET)
      .map((hit) => hit.slice(dir.length + 1))
      .sort(),
  ).toEqual(
    [
      'attachment.zip',
      'attachment.zip!inner.zip',
      'attachment.zip!inner.zip!a.txt',
      'frame-0.b64',
      'frame-1.b64',
      'frame-2.b64',
      'index.html!report.json',
      'run.jsonl',
      'test-results/trace.zip!1-trace.network',
    ].sort(),
  );
  expect(countArtifacts(dir)).toBe(12); // 8 files, 2 trace.zip entries, 1 in attachment.zip (its inner zip is not opened here), 1 embedded
});

test('a folder without the secret gives no hit', () => {
  writeFileSync(join(dir, 'report.txt'), 'opened http://127.0.0.1:8787/?token=***');
  writeFileSync(join(dir, 'trace.zip'), zip([{ name: 'trace.trace', data: Buffer.from('sk-***'), deflate: true }]));
  expect(findSecretInArtifacts(dir, SECRET)).toEqual([]);
});
