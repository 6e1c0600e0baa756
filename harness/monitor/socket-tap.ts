/**
 * Instruments one WebSocket (or a WebRTC call's RTCDataChannel, which has the same message, send and bufferedAmount
 * surface) without changing what the app sees: counts frames and bytes each way, times every
 * message handler (onmessage and addEventListener('message'), sync or async), and tracks the handlers in flight:
 * messages that arrived at the socket (a listener registered before any app listener) whose handler calls have not
 * all finished (an async handler finishes when its promise settles). The browser dispatches each message as its own
 * task, so nothing here is a queue: a count above zero means earlier handlers are still running (awaiting).
 */
import { decodeRealtimeFrame, type DecodedFrame } from './frame-decoder.ts';
import type { WsSample } from '../log/log-schema.ts';
import type { DataChannelSample } from '../log/webrtc-schema.ts';

/** What is tapped: a WebSocket, or an RTCDataChannel (readyState a string, no url). */
export type TappedSocket = WebSocket | RTCDataChannel;

const CHANNEL_READY_STATES: Record<string, number> = { connecting: 0, open: 1, closing: 2, closed: 3 };

/** readyState as a WebSocket's number (0 connecting .. 3 closed) for either kind. */
export function readyStateNumber(socket: TappedSocket): number {
  const state: unknown = socket.readyState;
  return typeof state === 'number' ? state : (CHANNEL_READY_STATES[String(state)] ?? 3);
}

export interface HandledMessage {
  tMs: number;
  socketId: string;
  eventType: string | undefined;
  gapMs: number | undefined;
  handlerMs: number;
  /** Earlier messages on this socket whose handlers were still running when this one arrived (the log's queueSize). */
  handlersInFlight: number;
}

export interface SocketTapContext {
  now(): number;
  onFrame(frame: DecodedFrame, tMs: number, socketId: string, sent: boolean): void;
  onMessageHandled(message: HandledMessage): void;
}

/** A received message whose handler calls have not all finished. */
interface MessageInFlight {
  tMs: number;
  gapMs: number | undefined;
  eventType: string | undefined;
  expected: number;
  ran: number;
  pendingAsync: number;
  handlerMs: number;
  handlersInFlight: number;
  overdueReported: boolean;
  /** The event while it is being dispatched (cleared when handled); matches handlers to their message. */
  event: Event | null;
}

type Listener = EventListenerOrEventListenerObject;

function frameSize(data: unknown): number {
  if (typeof data === 'string') return data.length;
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.size;
  return 0;
}

export class SocketTap {
  framesSent = 0;
  framesReceived = 0;
  bytesSent = 0;
  bytesReceived = 0;
  closedSampled = false;
  readonly url: string;
  private lastArrivalMs: number | null = null;
  private readonly inFlight = new Set<MessageInFlight>();
  /** The message being dispatched now (dispatch is synchronous; nested dispatches fall back to a scan). */
  private current: MessageInFlight | null = null;
  private readonly wrappedListeners = new Map<Listener, Map<boolean, EventListener>>();
  private listenerCount = 0;
  private appOnMessage: ((this: TappedSocket, ev: MessageEvent) => unknown) | null = null;

  constructor(
    readonly socket: TappedSocket,
    readonly socketId: string,
    private readonly ctx: SocketTapContext,
    url?: string,
  ) {
    this.url = String(url ?? ('url' in socket ? socket.url : '')).slice(0, 4096);
    socket.addEventListener('message', (event) => this.arrived(event as MessageEvent));
    this.patchOnMessage();
    this.patchListeners();
    this.patchSend();
  }

  /** Messages received whose handlers have not all finished yet. */
  handlersInFlight(): number {
    return this.inFlight.size;
  }

  /** Messages whose handlers are still running longer than limitMs after arrival, each reported once. */
  takeOverdueHandlers(tMs: number, limitMs: number): { runningMs: number; eventType: string | undefined }[] {
    const overdue: { runningMs: number; eventType: string | undefined }[] = [];
    for (const message of this.inFlight) {
      if (message.overdueReported || tMs - message.tMs <= limitMs) continue;
      message.overdueReported = true;
      overdue.push({ runningMs: tMs - message.tMs, eventType: message.eventType });
    }
    return overdue;
  }

  /** Finishes messages whose dispatch ended without every counted handler running (a listener removed mid-dispatch). */
  settleOrphans(): void {
    for (const message of this.inFlight) if (message.pendingAsync === 0) this.finish(message);
  }

  sample(tMs: number): WsSample {
    return {
      type: 'ws',
      tMs,
      socketId: this.socketId,
      url: this.url,
      readyState: readyStateNumber(this.socket),
      bufferedAmountBytes: this.socket.bufferedAmount,
      framesSent: this.framesSent,
      framesReceived: this.framesReceived,
      bytesSent: this.bytesSent,
      bytesReceived: this.bytesReceived,
    };
  }

  /** The same state as a data channel's `dc` record. */
  dataChannelSample(tMs: number, label: string, peerId: string): DataChannelSample {
    return {
      type: 'dc',
      tMs,
      channelId: this.socketId,
      label,
      peerId,
      readyState: readyStateNumber(this.socket),
      bufferedAmountBytes: this.socket.bufferedAmount,
      messagesSent: this.framesSent,
      messagesReceived: this.framesReceived,
      bytesSent: this.bytesSent,
      bytesReceived: this.bytesReceived,
    };
  }

  private arrived(event: MessageEvent): void {
    const tMs = this.ctx.now();
    const data: unknown = event.data;
    this.framesReceived += 1;
    this.bytesReceived += frameSize(data);
    const gapMs = this.lastArrivalMs === null ? undefined : Math.max(0, tMs - this.lastArrivalMs);
    this.lastArrivalMs = tMs;
    const frame = typeof data === 'string' ? decodeRealtimeFrame(data) : null;
    if (frame) this.ctx.onFrame(frame, tMs, this.socketId, false);
    const message: MessageInFlight = {
      tMs,
      gapMs,
      eventType: frame?.eventType,
      expected: this.listenerCount + (this.appOnMessage ? 1 : 0),
      ran: 0,
      pendingAsync: 0,
      handlerMs: 0,
      handlersInFlight: this.inFlight.size,
      overdueReported: false,
      event,
    };
    if (message.expected === 0) return this.finish(message);
    this.inFlight.add(message);
    this.current = message;
  }

  private messageFor(event: Event): MessageInFlight | undefined {
    if (this.current?.event === event) return this.current;
    for (const message of this.inFlight) if (message.event === event) return message;
    return undefined;
  }

  private finish(message: MessageInFlight): void {
    this.inFlight.delete(message);
    message.event = null;
    if (this.current === message) this.current = null;
    const { tMs, eventType, gapMs, handlerMs, handlersInFlight } = message;
    this.ctx.onMessageHandled({ tMs, socketId: this.socketId, eventType, gapMs, handlerMs, handlersInFlight });
  }

  private wrap(listener: Listener, afterRun?: () => void): EventListener {
    const tap = this;
    return function wrappedMessageListener(this: unknown, event: Event) {
      afterRun?.();
      const message = tap.messageFor(event);
      const startMs = tap.ctx.now();
      let result: unknown;
      try {
        result = typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event);
      } finally {
        if (message) {
          message.ran += 1;
          if (result && typeof (result as Promise<unknown>).then === 'function') {
            message.pendingAsync += 1;
            const settle = () => {
              message.handlerMs += tap.ctx.now() - startMs;
              message.pendingAsync -= 1;
              tap.finishIfDone(message);
            };
            (result as Promise<unknown>).then(settle, settle);
          } else {
            message.handlerMs += tap.ctx.now() - startMs;
            tap.finishIfDone(message);
          }
        }
      }
      return result;
    };
  }

  private finishIfDone(message: MessageInFlight): void {
    if (message.ran >= message.expected && message.pendingAsync === 0 && this.inFlight.has(message)) this.finish(message);
  }

  private patchOnMessage(): void {
    const native =
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(this.socket), 'onmessage') ?? Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
    if (!native?.set) return;
    const tap = this;
    Object.defineProperty(this.socket, 'onmessage', {
      configurable: true,
      enumerable: true,
      get: () => tap.appOnMessage,
      set(handler: unknown) {
        tap.appOnMessage = typeof handler === 'function' ? (handler as typeof tap.appOnMessage) : null;
        native.set!.call(tap.socket, tap.appOnMessage ? tap.wrap(tap.appOnMessage as unknown as Listener) : null);
      },
    });
  }

  private patchListeners(): void {
    const socket = this.socket;
    const nativeAdd = socket.addEventListener;
    const nativeRemove = socket.removeEventListener;
    const tap = this;
    const forget = (listener: Listener, capture: boolean) => {
      const byCapture = tap.wrappedListeners.get(listener);
      if (!byCapture?.delete(capture)) return;
      tap.listenerCount -= 1;
      if (byCapture.size === 0) tap.wrappedListeners.delete(listener);
    };
    const define = (name: string, value: unknown) => Object.defineProperty(socket, name, { value, writable: true, configurable: true });
    define(
      'addEventListener',
      function addEventListener(this: TappedSocket, type: string, listener: Listener | null, options?: boolean | AddEventListenerOptions) {
        if (type !== 'message' || !listener) return nativeAdd.call(this, type, listener as Listener, options);
        const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
        const once = typeof options === 'object' && Boolean(options?.once);
        let byCapture = tap.wrappedListeners.get(listener);
        const existing = byCapture?.get(capture);
        if (existing) return nativeAdd.call(this, type, existing, options);
        if (typeof options === 'object' && options?.signal?.aborted) return undefined;
        const wrapped = tap.wrap(listener, once ? () => forget(listener, capture) : undefined);
        if (!byCapture) {
          byCapture = new Map();
          tap.wrappedListeners.set(listener, byCapture);
        }
        byCapture.set(capture, wrapped);
        tap.listenerCount += 1;
        if (typeof options === 'object' && options?.signal) options.signal.addEventListener('abort', () => forget(listener, capture), { once: true });
        return nativeAdd.call(this, type, wrapped, options);
      },
    );
    define(
      'removeEventListener',
      function removeEventListener(this: TappedSocket, type: string, listener: Listener | null, options?: boolean | EventListenerOptions) {
        if (type !== 'message' || !listener) return nativeRemove.call(this, type, listener as Listener, options);
        const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
        const wrapped = tap.wrappedListeners.get(listener)?.get(capture);
        if (!wrapped) return nativeRemove.call(this, type, listener as Listener, options);
        forget(listener, capture);
        return nativeRemove.call(this, type, wrapped, options);
      },
    );
  }

  private patchSend(): void {
    const socket = this.socket;
    const nativeSend = socket.send;
    const tap = this;
    Object.defineProperty(socket, 'send', {
      writable: true,
      configurable: true,
      value: function send(this: TappedSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
        (nativeSend as (data: unknown) => void).call(this, data);
        tap.framesSent += 1;
        tap.bytesSent += frameSize(data);
        // Only a response request matters among sent frames; skip parsing the (large) audio appends.
        if (typeof data === 'string' && data.indexOf('"response.create"') >= 0) {
          const frame = decodeRealtimeFrame(data);
          if (frame) tap.ctx.onFrame(frame, tap.ctx.now(), tap.socketId, true);
        }
      },
    });
  }
}
