/**
 * Runs IN THE PAGE (passed to page.addInitScript; must stay self-contained). Replaces
 * navigator.mediaDevices.getUserMedia for audio with a track from an AudioContext's MediaStreamAudioDestinationNode
 * that the harness drives through globalThis.__voiceSoakMic:
 *   load(id, base64Pcm16, sampleRate), has(id), play(id) -> Promise (resolves when the utterance has played into
 *   the stream, or was cut by stop(), with its duration and the epoch ms it started at), stop(), state().
 * A zero-offset ConstantSourceNode keeps the destination rendering, so the track carries silence between
 * utterances and the app's capture keeps streaming. Every getUserMedia call gets a clone of the one track (an app
 * that stops its track on reconnect can capture again). Constraints (echoCancellation: false, ...) are accepted and
 * have nothing to act on: the samples reach the app unprocessed. Video requests still go to the real device.
 */
export function installControllableMicInPage(): void {
  const mediaDevices = navigator.mediaDevices;
  if (!mediaDevices || (globalThis as { __voiceSoakMic?: unknown }).__voiceSoakMic) return;
  const originalGetUserMedia = mediaDevices.getUserMedia.bind(mediaDevices);
  // The constructor as it is now, before the monitor wraps it: the mic's own context is not the app's to count.
  const NativeAudioContext = AudioContext;
  let context: AudioContext | undefined;
  let destination: MediaStreamAudioDestinationNode | undefined;
  let current: AudioBufferSourceNode | undefined;
  const pcm = new Map<string, { samples: Float32Array<ArrayBuffer>; sampleRate: number }>();

  const ensureGraph = () => {
    if (!context || !destination) {
      context = new NativeAudioContext();
      destination = context.createMediaStreamDestination();
      destination.channelCount = 1;
      const keepAlive = context.createConstantSource();
      keepAlive.offset.value = 0;
      keepAlive.connect(destination);
      keepAlive.start();
    }
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    return { context, destination };
  };

  const mic = {
    captures: 0,
    captureStartedAtEpochMs: null as number | null,
    playing: null as string | null,
    load(id: string, base64: string, sampleRate: number) {
      const binary = atob(base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const ints = new Int16Array(bytes.buffer, 0, bytes.length >> 1);
      const samples = new Float32Array(ints.length);
      for (let i = 0; i < ints.length; i++) samples[i] = ints[i]! / 32768;
      // One utterance at a time: a cache of every utterance said would grow the page's ArrayBuffer memory turn by
      // turn (the harness's, not the app's), and buffer-growth judges that memory.
      pcm.clear();
      pcm.set(id, { samples, sampleRate });
    },
    has: (id: string) => pcm.has(id),
    async play(id: string): Promise<{ durationMs: number; cut: boolean; startedAtEpochMs: number }> {
      const audio = pcm.get(id);
      if (!audio) throw new Error(`__voiceSoakMic: utterance ${id} not loaded`);
      const graph = ensureGraph();
      if (graph.context.state !== 'running') await graph.context.resume();
      mic.stop();
      const buffer = graph.context.createBuffer(1, audio.samples.length, audio.sampleRate);
      buffer.copyToChannel(audio.samples, 0);
      const source = graph.context.createBufferSource();
      source.buffer = buffer;
      source.connect(graph.destination);
      current = source;
      mic.playing = id;
      const startedAt = performance.now();
      return new Promise((resolve) => {
        source.onended = () => {
          source.disconnect();
          if (current === source) {
            current = undefined;
            mic.playing = null;
          }
          const durationMs = performance.now() - startedAt;
          resolve({ durationMs, cut: durationMs + 50 < buffer.duration * 1000, startedAtEpochMs: performance.timeOrigin + startedAt });
        };
        source.start();
      });
    },
    stop() {
      current?.stop();
    },
    state: () => ({ contextState: context?.state ?? 'none', captures: mic.captures, playing: mic.playing }),
  };

  mediaDevices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    if (!constraints?.audio) return originalGetUserMedia(constraints);
    const { destination: node } = ensureGraph();
    const stream = new MediaStream([node.stream.getAudioTracks()[0]!.clone()]);
    if (constraints.video) {
      const video = await originalGetUserMedia({ video: constraints.video });
      for (const track of video.getVideoTracks()) stream.addTrack(track);
    }
    mic.captures++;
    mic.captureStartedAtEpochMs = Date.now();
    return stream;
  };
  Object.defineProperty(globalThis, '__voiceSoakMic', { value: mic, configurable: false });
}
