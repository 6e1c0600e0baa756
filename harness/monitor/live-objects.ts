/**
 * Counts of live objects of the kinds a start/stop leak leaves behind: AudioContexts (not closed),
 * MediaStreamTracks (readyState 'live'), RTCPeerConnections (not closed) and WebSockets (CONNECTING or OPEN).
 * Installed at monitor init, before page scripts: the AudioContext and RTCPeerConnection constructors are wrapped
 * (Proxies that keep instanceof and statics), tracks are caught where pages get them (getUserMedia,
 * getDisplayMedia, clone(), a peer connection's 'track' event), sockets come from the monitor's WebSocket wrapper.
 * Objects are held by WeakRef only (counting must never keep a leak alive, nor make one): counts() drops those
 * collected or closed, so it reads "created and not yet closed or ended". Without WeakRef nothing is counted.
 */
import type { LiveCounts } from '../log/log-schema.ts';

type Kind = keyof LiveCounts;

export interface LiveObjects {
  /** A socket the monitor's WebSocket wrapper saw. */
  addSocket(socket: WebSocket): void;
  counts(): LiveCounts;
}

const WRAPPED = Symbol.for('voice-soak.live-objects-wrapped');

// biome-ignore lint/suspicious/noExplicitAny: CDP params and wrapped page objects are untyped; each reader narrows what it uses
const isLive: Record<Kind, (object: any) => boolean> = {
  audioContexts: (ctx: AudioContext) => ctx.state !== 'closed',
  mediaStreamTracks: (track: MediaStreamTrack) => track.readyState === 'live',
  peerConnections: (pc: RTCPeerConnection) => pc.signalingState !== 'closed' && pc.connectionState !== 'closed',
  webSockets: (ws: WebSocket) => ws.readyState === 0 || ws.readyState === 1,
};

export function installLiveObjects(scope: typeof globalThis): LiveObjects {
  const refs: Record<Kind, Array<WeakRef<object>>> = { audioContexts: [], mediaStreamTracks: [], peerConnections: [], webSockets: [] };
  const seen = typeof WeakSet === 'function' ? new WeakSet<object>() : null;
  const canCount = typeof WeakRef === 'function';
  const add = (kind: Kind, object: object | null | undefined) => {
    if (!canCount || !object || seen?.has(object)) return;
    seen?.add(object);
    refs[kind].push(new WeakRef(object));
  };
  const addStream = (stream: MediaStream | null | undefined) => {
    try {
      for (const track of stream?.getTracks?.() ?? []) add('mediaStreamTracks', track);
    } catch {
      // not a MediaStream: nothing to count
    }
  };

  // biome-ignore lint/suspicious/noExplicitAny: CDP params and wrapped page objects are untyped; each reader narrows what it uses
  const wrapConstructor = (name: string, kind: Kind, onCreate?: (object: any) => void) => {
    const Native = (scope as unknown as Record<string, unknown>)[name] as (new (...args: unknown[]) => object) & { [WRAPPED]?: boolean };
    if (typeof Native !== 'function' || Native[WRAPPED]) return;
    const proxied = new Proxy(Native, {
      construct(target, args, newTarget) {
        const object = Reflect.construct(target, args, newTarget) as object;
        add(kind, object);
        try {
          onCreate?.(object);
        } catch {
          // counting never breaks the page
        }
        return object;
      },
      get: (target, property) => (property === WRAPPED ? true : Reflect.get(target, property)),
    });
    Object.defineProperty(scope, name, { value: proxied, writable: true, configurable: true, enumerable: false });
  };
  wrapConstructor('AudioContext', 'audioContexts');
  wrapConstructor('webkitAudioContext', 'audioContexts');
  const onPeer = (pc: RTCPeerConnection) => pc.addEventListener('track', (event: RTCTrackEvent) => add('mediaStreamTracks', event.track));
  wrapConstructor('RTCPeerConnection', 'peerConnections', onPeer);
  wrapConstructor('webkitRTCPeerConnection', 'peerConnections', onPeer);

  // biome-ignore lint/suspicious/noExplicitAny: CDP params and wrapped page objects are untyped; each reader narrows what it uses
  const wrapStreamMethod = (owner: any, method: string) => {
    const original = owner?.[method];
    if (typeof original !== 'function' || original[WRAPPED]) return;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      if (result && typeof result.then === 'function') result.then(addStream, () => undefined);
      return result;
    };
    Object.defineProperty(wrapped, WRAPPED, { value: true });
    owner[method] = wrapped;
  };
  const mediaDevices = (scope.navigator as Navigator | undefined)?.mediaDevices;
  wrapStreamMethod(mediaDevices, 'getUserMedia');
  wrapStreamMethod(mediaDevices, 'getDisplayMedia');
  const trackProto = (scope as { MediaStreamTrack?: { prototype: MediaStreamTrack } }).MediaStreamTrack?.prototype as
    | (MediaStreamTrack & { [WRAPPED]?: boolean })
    | undefined;
  if (trackProto && typeof trackProto.clone === 'function' && !trackProto[WRAPPED]) {
    const clone = trackProto.clone;
    Object.defineProperty(trackProto, WRAPPED, { value: true });
    trackProto.clone = function (this: MediaStreamTrack) {
      const copy = clone.call(this);
      add('mediaStreamTracks', copy);
      return copy;
    };
  }

  return {
    addSocket: (socket) => add('webSockets', socket),
    counts() {
      const out = { audioContexts: 0, mediaStreamTracks: 0, peerConnections: 0, webSockets: 0 };
      for (const kind of Object.keys(refs) as Kind[]) {
        refs[kind] = refs[kind].filter((ref) => {
          const object = ref.deref();
          return object !== undefined && isLive[kind](object);
        });
        out[kind] = refs[kind].length;
      }
      return out;
    },
  };
}
