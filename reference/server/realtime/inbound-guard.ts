/**
 * What a connection may make the server buffer. It sits in front of `ws`'s frame parser (WsFrameFilter on the
 * receiver's write) and decides at each data frame's header, before its payload is buffered:
 * - a message above MAX_EVENT_BYTES: dropped unread, `message_too_large` error (as dispatch answers);
 * - a message that would take the connection or the server past its memory budget (ALWAYS_READ_BYTES and smaller are
 *   always read): dropped unread, `memory_budget_exceeded` error;
 * - a message larger than the connection's whole budget, a further fragment of a message that no longer fits (a
 *   half-read message cannot be dropped), or more than FAR_OVER_FACTOR budgets refused since the last message read:
 *   the connection is closed with 1009 (message too big) or 1008 (policy).
 * The bytes of a message are counted from its first header until `ws` hands it over (messageRead).
 */
import type { WebSocket } from 'ws';
import { ALWAYS_READ_BYTES } from './memory-budget.ts';
import type { ConnectionMemory, MemoryBudgetLimits } from './memory-budget.ts';
import { MAX_EVENT_BYTES, messageTooLargeError, RealtimeError } from './realtime-error.ts';
import { WsFrameFilter } from './ws-frame-filter.ts';
import type { DataFrame, FrameDecision } from './ws-frame-filter.ts';

const FAR_OVER_FACTOR = 4;
const CLOSE_GRACE_MS = 2_000;

export interface InboundGuardHooks {
  sendError(error: RealtimeError): void;
  log(line: string): void;
}

export class InboundGuard {
  private messageBytes = 0;
  private refusedBytes = 0;
  private closing = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly memory: ConnectionMemory,
    private readonly limits: MemoryBudgetLimits,
    private readonly hooks: InboundGuardHooks,
  ) {}

  /** Puts the filter in front of ws's receiver; false when this ws version has no receiver to wrap (then only ws's maxPayload applies). */
  install(): boolean {
    const receiver = (this.ws as unknown as { _receiver?: { write?: (chunk: Buffer) => boolean } })._receiver;
    if (!receiver || typeof receiver.write !== 'function') return false;
    const write = receiver.write.bind(receiver);
    const filter = new WsFrameFilter((frame) => this.decide(frame));
    receiver.write = (chunk: Buffer): boolean => {
      let ok = true;
      filter.write(chunk, (bytes) => {
        ok = write(bytes);
      });
      return ok;
    };
    return true;
  }

  /** ws emitted the oldest message in flight. */
  messageRead(): void {
    this.memory.messageRead();
  }

  /** Closes the connection, then terminates it if the close handshake does not finish in CLOSE_GRACE_MS. */
  close(code: 1008 | 1009, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.hooks.log(`ws closed by the memory budget: ${code} ${reason}`);
    this.ws.close(code, reason.slice(0, 120));
    setTimeout(() => this.ws.terminate(), CLOSE_GRACE_MS).unref();
  }

  private decide(frame: DataFrame): FrameDecision {
    if (this.closing) return 'drop';
    const bytes = frame.payloadBytes;
    if (!frame.first) {
      this.messageBytes += bytes;
      if (this.messageBytes > MAX_EVENT_BYTES || (this.messageBytes > ALWAYS_READ_BYTES && this.memory.refusal(bytes, 'Message fragment'))) {
        this.close(1009, `message of ${this.messageBytes}+ bytes exceeds the memory budget part-way`);
        return 'drop';
      }
      this.memory.addInFlight(bytes, true);
      return 'forward';
    }
    this.messageBytes = bytes;
    if (bytes > this.limits.perConnectionBytes) {
      this.close(1009, `message of ${bytes} bytes exceeds the per-connection memory budget`);
      return 'drop';
    }
    const refusal = bytes > MAX_EVENT_BYTES ? messageTooLargeError(bytes) : bytes > ALWAYS_READ_BYTES ? this.refusal(bytes) : null;
    if (refusal) {
      this.hooks.sendError(refusal);
      this.refusedBytes += bytes;
      if (this.refusedBytes > FAR_OVER_FACTOR * this.limits.perConnectionBytes)
        this.close(1008, `${this.refusedBytes} bytes of messages refused by the memory budget`);
      return 'drop';
    }
    this.refusedBytes = 0;
    this.memory.addInFlight(bytes, false);
    return 'forward';
  }

  private refusal(bytes: number): RealtimeError | null {
    const message = this.memory.refusal(bytes, 'Client event');
    return message ? new RealtimeError('memory_budget_exceeded', message) : null;
  }
}
