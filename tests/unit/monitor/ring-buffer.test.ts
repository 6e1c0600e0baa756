import { expect, test } from '@playwright/test';
import { RingBuffer } from '../../../harness/monitor/ring-buffer.ts';

test('keeps the newest items up to capacity and counts what it dropped', () => {
  const ring = new RingBuffer<number>(3);
  for (let i = 1; i <= 5; i += 1) ring.push(i);
  expect(ring.toArray()).toEqual([3, 4, 5]);
  expect(ring.size).toBe(3);
  expect(ring.dropped).toBe(2);
  expect(ring.at(0)).toBe(3);
  expect(ring.last()).toBe(5);
  expect(ring.at(3)).toBeUndefined();
});

test('takeAll empties the buffer in insertion order', () => {
  const ring = new RingBuffer<string>(4);
  ring.push('a');
  ring.push('b');
  expect(ring.takeAll()).toEqual(['a', 'b']);
  expect(ring.size).toBe(0);
  ring.push('c');
  expect(ring.toArray()).toEqual(['c']);
});

test('stays at its capacity over a million pushes', () => {
  const ring = new RingBuffer<number>(1000);
  for (let i = 0; i < 1_000_000; i += 1) ring.push(i);
  expect(ring.size).toBe(1000);
  expect(ring.at(0)).toBe(999_000);
  expect(ring.dropped).toBe(999_000);
});

test('rejects a capacity that is not a positive integer', () => {
  expect(() => new RingBuffer(0)).toThrow('RingBuffer: capacity must be a positive integer, got 0');
});
