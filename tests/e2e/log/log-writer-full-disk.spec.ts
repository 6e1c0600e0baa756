/**
 * The log writer on a disk that fills up (a real 256 KB tmpfs in a mount namespace, `unshare -rm`): the first failed
 * write is reported once, the file is cut back to its last whole record, later records are dropped without being
 * attempted, and the run-end record still fits in the room the writer reserved.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';

const CHILD = join(import.meta.dirname, 'full-disk', 'fill-log.child.ts');
const canMountTmpfs = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], { stdio: 'ignore' }).status === 0;

test('a full disk ends the log at its last whole record, reports the first failed write once, and keeps room for the run-end', () => {
  test.skip(!canMountTmpfs, 'needs `unshare -rm` and tmpfs mounts (user and mount namespaces)');
  const dir = mkdtempSync(join(tmpdir(), 'voice-soak-full-disk-'));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = spawnSync(
    'unshare',
    ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=256k tmpfs "$1" && exec "$2" --import "$3" "$4" "$1"', 'sh', dir, process.execPath, tsx, CHILD],
    { encoding: 'utf8', timeout: 30_000 },
  );
  expect(child.status, child.stderr).toBe(0);
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!);
  expect(result.failures).toHaveLength(1);
  expect(result.failures[0].reason).toMatch(/ENOSPC|no space left/i);
  expect(result.failures[0].afterRecords).toBeGreaterThan(500); // ~240 KB of records went in first
  expect(result.headerValid).toBe(true);
  expect(result.endsWithNewline).toBe(true);
  expect(result.valid).toBe(result.records); // every line whole and valid
  expect(result.records).toBe(result.written);
  expect(result.last).toMatchObject({ type: 'harness', kind: 'run-end' });
  expect(result.last.detail).toMatch(/^log write failed: .*(ENOSPC|no space left)/);
  expect(result.dropped).toBe(1 + 5 + 1); // the failed one, five after it, one after the run-end
  expect(result.reserveLeft).toBe(false);
});
