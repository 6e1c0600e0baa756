/**
 * Replaces globalThis.RTCPeerConnection with a Proxy of the constructor (over live-objects.ts's counting one) so
 * every peer connection the page makes is handed to `onPeer` right after construction, before the app configures
 * it. The Proxy keeps `instanceof`, `prototype` and the statics (generateCertificate); wrapping twice is a no-op.
 */
const WRAPPED = Symbol.for('voice-soak.peer-connection-wrapped');

export function wrapPeerConnection(scope: typeof globalThis, onPeer: (pc: RTCPeerConnection) => void): boolean {
  const Native = (scope as { RTCPeerConnection?: typeof RTCPeerConnection & { [WRAPPED]?: boolean } }).RTCPeerConnection;
  if (typeof Native !== 'function' || Native[WRAPPED]) return false;
  const proxied = new Proxy(Native, {
    construct(target, args, newTarget) {
      const pc = Reflect.construct(target, args, newTarget) as RTCPeerConnection;
      try {
        onPeer(pc);
      } catch (error) {
        console.warn('voice-soak monitor: could not instrument an RTCPeerConnection:', error);
      }
      return pc;
    },
    get: (target, property) => (property === WRAPPED ? true : Reflect.get(target, property)),
  });
  Object.defineProperty(scope, 'RTCPeerConnection', { value: proxied, writable: true, configurable: true, enumerable: false });
  return true;
}
