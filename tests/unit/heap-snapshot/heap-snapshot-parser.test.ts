/**
 * The streaming parser: a snapshot fed in random chunk sizes (split inside numbers, strings, escapes and \u
 * sequences) parses to exactly what JSON.parse of the whole text gives, long strings are cut, and bad input is a
 * one-line error naming the offset.
 */
import { test, expect } from '@playwright/test';
import { createHeapSnapshotParser } from '../../../harness/collect/heap-snapshot-parser.ts';
import { seededRandom } from '../../../harness/synth/seeded-random.ts';
import { buildSnapshot, leakingPage } from './snapshot-fixture.ts';

function feed(text: string, seed: number, maxChunk: number) {
  const next = seededRandom(seed); // seeded, so a failing split can be replayed
  const parser = createHeapSnapshotParser(40);
  for (let i = 0; i < text.length; ) {
    const size = 1 + Math.floor(next() * maxChunk);
    parser.write(text.slice(i, i + size));
    i += size;
  }
  return parser.end();
}

const WEIRD = ['quote " and \\ backslash', 'tab\tnew\nline', 'é unicode ✓ 😀 surrogates', '\u0001 control', 'x'.repeat(100)];
const text = JSON.stringify(buildSnapshot(leakingPage(50, 5), WEIRD), null, 1);
const whole = JSON.parse(text) as { nodes: number[]; edges: number[]; strings: string[]; snapshot: { meta: unknown; node_count: number } };

test('random chunk sizes parse to what JSON.parse gives', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const parsed = feed(text, seed, seed % 4 === 0 ? 3 : 200);
    expect(Array.from(parsed.nodes)).toEqual(whole.nodes);
    expect(Array.from(parsed.edges)).toEqual(whole.edges);
    expect(parsed.strings).toEqual(whole.strings.map((s) => s.slice(0, 40)));
    expect(parsed.meta).toEqual(whole.snapshot.meta);
    expect(parsed.nodeCount).toBe(whole.snapshot.node_count);
    expect(parsed.textLength).toBe(text.length);
  }
});

test('sections it does not keep (trace_tree, samples with floats and negatives) are read and dropped', () => {
  const parsed = feed(text, 7, 5);
  expect(parsed.strings).toContain('quote " and \\ backslash');
  expect(parsed.strings).toContain('é unicode ✓ 😀 surrogates');
  expect(parsed.strings.find((s) => s.startsWith('xxx'))).toHaveLength(40);
});

test('bad input is one line naming what is wrong and where', () => {
  const parse = (t: string) => () => {
    const parser = createHeapSnapshotParser();
    parser.write(t);
    parser.end();
  };
  expect(parse('{"nodes":[1,2,}')).toThrow(/^heap snapshot JSON: unexpected "}" at offset 14$/);
  expect(parse('{"strings":["a\\q"]}')).toThrow(/bad escape "\\q" at offset 15/);
  expect(parse('{"nodes":[1,2')).toThrow(/text ended with 2 container\(s\) open/);
  expect(parse('{"nodes":[1,2]}')).toThrow(/^heap snapshot: no snapshot.meta with node_fields and edge_fields$/);
  expect(parse('{"snapshot":{"meta":{"node_fields":["a","b"],"edge_fields":["t"]}},"nodes":[1,2,3]}')).toThrow(
    /3 node values is not a multiple of 2 node fields/,
  );
});
