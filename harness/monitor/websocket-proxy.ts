/**
 * Replaces globalThis.WebSocket with a Proxy of the native constructor so every socket the page opens is handed
 * to `onSocket` right after construction (before any app listener exists). The Proxy keeps `instanceof`, the
 * CONNECTING..CLOSED constants, `prototype` and every static property; wrapping a second time is a no-op.
 */
const WRAPPED = Symbol.for('voice-soak.websocket-wrapped');

export function wrapWebSocket(scope: typeof globalThis, onSocket: (socket: WebSocket) => void): boolean {
  const Native = scope.WebSocket as (typeof WebSocket & { [WRAPPED]?: boolean }) | undefined;
  if (typeof Native !== 'function' || Native[WRAPPED]) return false;
  const proxied = new Proxy(Native, {
    construct(target, args, newTarget) {
      const socket = Reflect.construct(target, args, newTarget) as WebSocket;
      try {
        onSocket(socket);
      } catch (error) {
        console.warn('voice-soak monitor: could not instrument a WebSocket:', error);
      }
      return socket;
    },
    get(target, property) {
      if (property === WRAPPED) return true;
      return Reflect.get(target, property);
    },
  });
  Object.defineProperty(scope, 'WebSocket', { value: proxied, writable: true, configurable: true, enumerable: false });
  return true;
}

/** True when the page's WebSocket is already the monitor's Proxy. */
export function isWrapped(scope: typeof globalThis): boolean {
  return Boolean((scope.WebSocket as unknown as { [WRAPPED]?: boolean } | undefined)?.[WRAPPED]);
}
