/**
 * The parser's memory bound: a generated 1.5 M-node snapshot (about 140 MB of JSON, made chunk by chunk, never
 * whole) parses in a child process whose RSS rises by about what it keeps, 4 bytes per node and edge field (the
 * typed arrays, about 0.9 x the text for these short numbers), plus the chunks in flight: under 1.5 x the text.
 * Holding the text and JSON.parse-ing it takes about 5 x (measured on a real 70 MB snapshot of Chromium 156 through
 * CDP: +347 MB that way, +113 MB streamed through this parser).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';

const MB = 1024 * 1024;

test('parsing a 140 MB snapshot raises RSS by about its typed arrays, not by the text', () => {
  test.setTimeout(60_000);
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'parser-memory-child.ts'), '1500000'], {
    encoding: 'utf8',
    timeout: 55_000,
  });
  expect(child.status, child.stderr).toBe(0);
  const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
    jsonChars: number;
    rssBeforeBytes: number;
    peakRssBytes: number;
    nodeCount: number;
    edgeCount: number;
    keptBytes: number;
  };
  const riseBytes = result.peakRssBytes - result.rssBeforeBytes;
  console.log(
    `parsed ${(result.jsonChars / MB).toFixed(1)} MB of JSON (${result.nodeCount} nodes, ${result.edgeCount} edges): RSS +${(riseBytes / MB).toFixed(1)} MB, typed arrays ${(result.keptBytes / MB).toFixed(1)} MB`,
  );
  expect(result.nodeCount).toBe(1_500_000);
  expect(result.edgeCount).toBe(7_500_000);
  expect(riseBytes).toBeLessThan(result.jsonChars * 1.5);
  expect(riseBytes).toBeLessThan(result.keptBytes + 100 * MB);
});
