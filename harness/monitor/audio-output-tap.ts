/**
 * The output tap: what the page plays, heard at its audio edge, without changing what the app plays.
 *  - Web Audio: AudioNode.prototype.connect/disconnect are wrapped; a node the app connects to a context's
 *    destination is also connected to that context's tap bus (a unity GainNode), which feeds an AudioWorkletNode
 *    with no outputs. The app's own connection is untouched, so its audio and its latency stay the same.
 *  - Media elements (<audio>/<video>, `new Audio()`, a WebRTC app's srcObject): when one plays, its srcObject (or
 *    captureStream() of its src) goes into a MediaStreamAudioSourceNode of the tap's own context: a parallel reader
 *    of the stream, the element keeps playing as before.
 * The worklet measures the RMS level of every FRAME_MS frame on the audio thread and posts them in batches; the
 * main thread maps the worklet's context time to the monitor's clock with getOutputTimestamp() (the time a frame is
 * audible at the output) and emits `audio-out` records (one per source per EMIT_FRAMES frames).
 * A page whose CSP forbids blob: worklet modules gets no tap: a monitor `error` record says so (and the analyzer's
 * no-audio-output then says the output was not measured).
 */
import { OUTPUT_FRAME_MS as FRAME_MS } from '../log/audio-levels.ts';
import type { LogRecord } from '../log/log-schema.ts';

const EMIT_FRAMES = 50;
const SILENCE_DB = -100;

const WORKLET_SOURCE = `
class VoiceSoakOutputTap extends AudioWorkletProcessor {
  constructor() {
    super();
    this.frameLength = Math.max(1, Math.round(sampleRate * ${FRAME_MS} / 1000));
    this.sum = 0; this.count = 0; this.levels = []; this.batchStart = -1; this.frameStart = -1;
  }
  process(inputs) {
    const input = inputs[0] || [];
    const channels = input.length;
    const length = channels ? input[0].length : 128;
    for (let i = 0; i < length; i++) {
      if (this.count === 0) { this.frameStart = currentTime + i / sampleRate; if (this.batchStart < 0) this.batchStart = this.frameStart; }
      let x = 0;
      for (let c = 0; c < channels; c++) x += input[c][i];
      if (channels > 1) x /= channels;
      this.sum += x * x;
      if (++this.count === this.frameLength) {
        const rms = Math.sqrt(this.sum / this.count);
        this.levels.push(rms > 1e-5 ? Math.max(${SILENCE_DB}, Math.min(0, Math.round(20 * Math.log10(rms)))) : ${SILENCE_DB});
        this.sum = 0; this.count = 0;
        if (this.levels.length >= 10) { this.port.postMessage({ t: this.batchStart, levels: this.levels }); this.levels = []; this.batchStart = -1; }
      }
    }
    return true;
  }
}
registerProcessor('voice-soak-output-tap', VoiceSoakOutputTap);
`;

const TAPPED = Symbol.for('voice-soak.output-tap');

interface Source {
  kind: 'webaudio' | 'media';
  id: string;
  context: BaseAudioContext;
  pending: { tMs: number; levels: number[] } | null;
  bus: AudioNode;
  node: AudioWorkletNode;
}

export interface OutputTapOptions {
  emit: (record: LogRecord) => void;
  /** The monitor's clock origin on the performance timeline (ms), so tMs = performance time - originMs. */
  originMs: number;
  /** The monitor's clock (ms since originMs). */
  now: () => number;
  scope: typeof globalThis;
  /** The AudioContext constructor before anything wrapped it (the tap's own context is not the app's to count). */
  NativeAudioContext: typeof AudioContext | undefined;
}

export interface OutputTap {
  /** Sources tapped so far. */
  sources(): number;
  /** Stop or resume measuring (the bench alternates); while off the worklets are disconnected and nothing is written. */
  setEnabled(on: boolean): void;
  /** The tap's own main-thread time (handling the worklets' batches) and batches handled so far. */
  stats(): { mainThreadMs: number; batches: number; records: number };
  /** Emit what each source has measured but not yet written (before a drain at the end of a run). */
  flush(): void;
}

// biome-ignore lint/suspicious/noExplicitAny: page objects patched at runtime are untyped here
type AnyNode = any;

export function installOutputTap(options: OutputTapOptions): OutputTap | null {
  const { scope, emit } = options;
  const AudioNodeClass = (scope as { AudioNode?: typeof AudioNode }).AudioNode;
  const DestinationClass = (scope as { AudioDestinationNode?: typeof AudioDestinationNode }).AudioDestinationNode;
  if (!AudioNodeClass || !DestinationClass || typeof (scope as { AudioWorkletNode?: unknown }).AudioWorkletNode !== 'function') return null;
  const proto = AudioNodeClass.prototype as AnyNode;
  if (proto[TAPPED]) return null;
  proto[TAPPED] = true;
  const nativeConnect = proto.connect as (...args: unknown[]) => unknown;
  const nativeDisconnect = proto.disconnect as (...args: unknown[]) => unknown;
  const all: Source[] = [];
  const buses = new WeakMap<BaseAudioContext, AudioNode | null>();
  let contexts = 0;
  let moduleUrl: string | null = null;
  let enabled = true;
  let mainThreadMs = 0;
  let batches = 0;
  let records = 0;
  let reportedFailure = false;

  const failure = (message: string) => {
    if (reportedFailure) return;
    reportedFailure = true;
    emit({ type: 'monitor', tMs: options.now(), kind: 'error', source: 'output-tap', message: `output tap unavailable: ${message}`.slice(0, 4096) });
  };
  const toMonitorMs = (context: BaseAudioContext, contextTimeS: number): number => {
    const stamp = (context as AudioContext).getOutputTimestamp?.();
    const perfMs =
      stamp && typeof stamp.performanceTime === 'number' && typeof stamp.contextTime === 'number' && stamp.performanceTime > 0
        ? stamp.performanceTime + (contextTimeS - stamp.contextTime) * 1000
        : performance.now() - (context.currentTime - contextTimeS) * 1000;
    return Math.max(0, Math.round((perfMs - options.originMs) * 10) / 10);
  };
  const write = (source: Source) => {
    const batch = source.pending;
    if (!batch || batch.levels.length === 0) return;
    source.pending = null;
    records++;
    emit({ type: 'monitor', tMs: batch.tMs, kind: 'audio-out', source: source.kind, sourceId: source.id, frameMs: FRAME_MS, levelsDb: batch.levels });
  };
  const onBatch = (source: Source, data: { t: number; levels: number[] }) => {
    if (!enabled) return;
    const began = performance.now();
    batches++;
    handleBatch(source, data);
    mainThreadMs += performance.now() - began;
  };
  const handleBatch = (source: Source, data: { t: number; levels: number[] }) => {
    const tMs = toMonitorMs(source.context, data.t);
    const pending = source.pending;
    // A batch that does not continue the pending one (the context was suspended, or the clock moved) starts a record.
    if (pending && Math.abs(pending.tMs + pending.levels.length * FRAME_MS - tMs) > 3 * FRAME_MS) write(source);
    if (!source.pending) source.pending = { tMs, levels: [] };
    source.pending.levels.push(...data.levels);
    if (source.pending.levels.length >= EMIT_FRAMES) write(source);
  };

  /** The tap bus of a context: created at once (connect is synchronous), fed into the worklet once it has loaded. */
  const busOf = (context: BaseAudioContext, kind: Source['kind']): AudioNode | null => {
    if (buses.has(context)) return buses.get(context) ?? null;
    const id = kind === 'media' ? 'media' : `ctx-${++contexts}`;
    let bus: AudioNode | null = null;
    try {
      bus = context.createGain();
      moduleUrl ??= URL.createObjectURL(new Blob([WORKLET_SOURCE], { type: 'application/javascript' }));
      const tapBus = bus;
      const ready = context.audioWorklet.addModule(moduleUrl).then(() => {
        const node = new AudioWorkletNode(context, 'voice-soak-output-tap', { numberOfInputs: 1, numberOfOutputs: 0 });
        const source: Source = { kind, id, context, pending: null, bus: tapBus, node };
        node.port.onmessage = (event: MessageEvent) => onBatch(source, event.data as { t: number; levels: number[] });
        if (enabled) nativeConnect.call(tapBus, node);
        all.push(source);
      });
      ready.catch((error: unknown) => failure(String((error as Error)?.message ?? error)));
    } catch (error) {
      failure(String((error as Error)?.message ?? error));
      bus = null;
    }
    buses.set(context, bus);
    return bus;
  };

  proto.connect = function connect(this: AnyNode, destination: unknown, ...rest: unknown[]) {
    const result = nativeConnect.call(this, destination, ...rest);
    try {
      if (destination instanceof DestinationClass) {
        const context = (destination as AudioDestinationNode).context;
        const bus = busOf(context, 'webaudio');
        if (bus && bus !== this) nativeConnect.call(this, bus, rest[0] ?? 0);
      }
    } catch {
      // the tap never breaks the app's graph
    }
    return result;
  };
  proto.disconnect = function disconnect(this: AnyNode, ...args: unknown[]) {
    const result = nativeDisconnect.apply(this, args);
    try {
      const target = args[0];
      if (target instanceof DestinationClass) {
        const bus = buses.get((target as AudioDestinationNode).context);
        if (bus) nativeDisconnect.call(this, bus);
      }
    } catch {
      // not connected to the bus: nothing to undo
    }
    return result;
  };

  // Media elements: tapped when they start playing (play() for `new Audio()` players outside the document, the
  // capture-phase 'playing' event for elements in it, autoplay with srcObject included).
  let mediaContext: AudioContext | null = null;
  const tappedStreams = new WeakSet<MediaStream>();
  const tapElement = (element: HTMLMediaElement) => {
    try {
      const captured = element.srcObject instanceof MediaStream ? element.srcObject : (element as { captureStream?: () => MediaStream }).captureStream?.();
      if (!captured || tappedStreams.has(captured) || captured.getAudioTracks().length === 0) return;
      tappedStreams.add(captured);
      if (!options.NativeAudioContext) return failure('no AudioContext');
      mediaContext ??= new options.NativeAudioContext();
      if (mediaContext.state === 'suspended') void mediaContext.resume().catch(() => undefined);
      const bus = busOf(mediaContext, 'media');
      const input = mediaContext.createMediaStreamSource(captured);
      if (bus) nativeConnect.call(input, bus);
      // A stream that gains its audio track later (a WebRTC remote stream) is read through the same source.
    } catch (error) {
      failure(`media element: ${String((error as Error)?.message ?? error)}`);
    }
  };
  const MediaClass = (scope as { HTMLMediaElement?: typeof HTMLMediaElement }).HTMLMediaElement;
  if (MediaClass) {
    const nativePlay = MediaClass.prototype.play;
    MediaClass.prototype.play = function play(this: HTMLMediaElement) {
      const result = nativePlay.call(this);
      Promise.resolve(result).then(
        () => tapElement(this),
        () => undefined,
      );
      return result;
    };
    scope.addEventListener?.(
      'playing',
      (event: Event) => {
        if (event.target instanceof MediaClass) tapElement(event.target);
      },
      true,
    );
  }

  return {
    sources: () => all.length,
    setEnabled(on: boolean) {
      if (on === enabled) return;
      enabled = on;
      for (const source of all) {
        try {
          if (on) nativeConnect.call(source.bus, source.node);
          else {
            write(source);
            nativeDisconnect.call(source.bus, source.node);
          }
        } catch {
          // a closed context: nothing to connect
        }
      }
    },
    stats: () => ({ mainThreadMs, batches, records }),
    flush: () => {
      for (const source of all) write(source);
    },
  };
}
