/**
 * The server's memory budget (issue 10 item 7), the parts without a server: the frame filter that drops oversized
 * messages unread, and the budget options. The budget under real connections, with the server's rss measured in a
 * child process, is tests/e2e/reference-server/memory-budget.spec.ts.
 */
import { test, expect } from '@playwright/test';
import { parseServeArgs } from '../../../reference/server/parse-serve-args.ts';
import { memoryBudgetLimits } from '../../../reference/server/realtime/memory-budget.ts';
import { WsFrameFilter } from '../../../reference/server/realtime/ws-frame-filter.ts';
import type { DataFrame } from '../../../reference/server/realtime/ws-frame-filter.ts';

const MB = 1024 * 1024;

function maskedFrame(opcode: number, fin: boolean, payload: Buffer): Buffer {
  const len = payload.length;
  const ext = len < 126 ? Buffer.alloc(0) : len < 65536 ? Buffer.from([len >> 8, len & 255]) : Buffer.alloc(8);
  if (len >= 65536) ext.writeUInt32BE(len, 4);
  const mask = Buffer.from([1, 2, 3, 4]);
  const head = Buffer.from([(fin ? 0x80 : 0) | opcode, 0x80 | (len < 126 ? len : len < 65536 ? 126 : 127)]);
  return Buffer.concat([head, ext, mask, Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!))]);
}

test('frame filter: drops whole messages (also fragmented), passes control frames between fragments, at any chunking', () => {
  const frames = [
    maskedFrame(1, true, Buffer.from('keep-1')),
    maskedFrame(1, false, Buffer.alloc(300, 'd')),
    maskedFrame(9, true, Buffer.from('ping')),
    maskedFrame(0, true, Buffer.alloc(70_000, 'd')),
    maskedFrame(2, false, Buffer.from('keep-2a')),
    maskedFrame(0, true, Buffer.from('keep-2b')),
  ];
  const stream = Buffer.concat(frames);
  const expected = Buffer.concat([frames[0]!, frames[2]!, frames[4]!, frames[5]!]);
  for (const chunkSize of [1, 3, 7, 100, 65_536, stream.length]) {
    const seen: DataFrame[] = [];
    const filter = new WsFrameFilter((frame) => {
      seen.push(frame);
      return frame.first && frame.payloadBytes === 300 ? 'drop' : 'forward';
    });
    const out: Buffer[] = [];
    for (let i = 0; i < stream.length; i += chunkSize) filter.write(stream.subarray(i, i + chunkSize), (b) => out.push(Buffer.from(b)));
    expect(Buffer.concat(out).equals(expected)).toBe(true);
    // The dropped message's continuation is not even asked about; control frames never are.
    expect(seen.map((f) => [f.first, f.payloadBytes])).toEqual([
      [true, 6],
      [true, 300],
      [true, 7],
      [false, 7],
    ]);
  }
});

test('budget options: defaults 256 MB total / 64 MB per connection; serve --max-memory-mb and --max-connection-memory-mb; loopback only', () => {
  expect(memoryBudgetLimits()).toEqual({ totalBytes: 256 * MB, perConnectionBytes: 64 * MB });
  expect(memoryBudgetLimits(32)).toEqual({ totalBytes: 32 * MB, perConnectionBytes: 32 * MB });
  expect(memoryBudgetLimits(32, 100)).toEqual({ totalBytes: 32 * MB, perConnectionBytes: 32 * MB });
  expect(() => memoryBudgetLimits(0)).toThrow('maxMemoryMb must be a positive number');
  const args = parseServeArgs(['--max-memory-mb', '512', '--max-connection-memory-mb=32']);
  expect([args.maxMemoryMb, args.maxConnectionMemoryMb]).toEqual([512, 32]);
  expect(parseServeArgs([]).maxMemoryMb).toBeUndefined();
  expect(() => parseServeArgs(['--max-memory-mb', 'lots'])).toThrow('--max-memory-mb must be a number of MB');
  expect(() => parseServeArgs(['--host', '0.0.0.0'])).toThrow('not a loopback address; add --allow-remote');
});
