/**
 * Reads WebSocket frame headers in the bytes a client sends, before `ws` buffers them, and lets a policy drop whole
 * messages unread: their header and payload bytes are counted and discarded, never held. Control frames (ping, pong,
 * close) always pass, also between the fragments of a dropped message. Anything malformed (reserved opcodes,
 * lengths past 2^53) switches the filter to pass-through so that `ws` reports the protocol error itself.
 */

export interface DataFrame {
  /** First frame of a message (text or binary opcode); false for a continuation frame. */
  first: boolean;
  fin: boolean;
  binary: boolean;
  payloadBytes: number;
}

/** 'forward' hands the frame to `ws`; 'drop' discards it (and, for a first frame, the rest of its message). */
export type FrameDecision = 'forward' | 'drop';

export class WsFrameFilter {
  private header = Buffer.alloc(0);
  private remaining = 0;
  private forwarding = true;
  private droppingMessage = false;
  private passThrough = false;

  constructor(private readonly decide: (frame: DataFrame) => FrameDecision) {}

  /** Feeds bytes from the socket; calls `forward` (in order, synchronously) with the bytes `ws` should see. */
  write(chunk: Buffer, forward: (bytes: Buffer) => void): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.passThrough) return forward(offset === 0 ? chunk : chunk.subarray(offset));
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - offset);
        if (this.forwarding) forward(chunk.subarray(offset, offset + n));
        this.remaining -= n;
        offset += n;
        continue;
      }
      const known = this.header.length;
      const available = Buffer.concat([this.header, chunk.subarray(offset, offset + 14)]);
      const length = headerLength(available);
      if (length === null || available.length < length) {
        this.header = available;
        offset = chunk.length;
        continue;
      }
      offset += length - known;
      this.header = Buffer.alloc(0);
      this.onHeader(available.subarray(0, length), forward);
    }
  }

  private onHeader(header: Buffer, forward: (bytes: Buffer) => void): void {
    const fin = (header[0]! & 0x80) !== 0;
    const opcode = header[0]! & 0x0f;
    const payloadBytes = payloadLength(header);
    if (payloadBytes === null || (opcode > 2 && opcode < 8) || opcode > 10) {
      this.passThrough = true;
      return forward(header);
    }
    let drop = false;
    if (opcode < 8) {
      drop = opcode === 0 && this.droppingMessage ? true : this.decide({ first: opcode !== 0, fin, binary: opcode === 2, payloadBytes }) === 'drop';
      this.droppingMessage = drop && !fin;
    }
    this.forwarding = !drop;
    this.remaining = payloadBytes;
    if (!drop) forward(header);
  }
}

/** Header length once the first two bytes are known (2 + extended length + 4 mask bytes when masked). */
function headerLength(bytes: Buffer): number | null {
  if (bytes.length < 2) return null;
  const len7 = bytes[1]! & 0x7f;
  const masked = (bytes[1]! & 0x80) !== 0;
  return 2 + (len7 === 126 ? 2 : len7 === 127 ? 8 : 0) + (masked ? 4 : 0);
}

function payloadLength(header: Buffer): number | null {
  const len7 = header[1]! & 0x7f;
  if (len7 < 126) return len7;
  if (len7 === 126) return header.readUInt16BE(2);
  const high = header.readUInt32BE(2);
  if (high > 0x1fffff) return null;
  return high * 2 ** 32 + header.readUInt32BE(6);
}
