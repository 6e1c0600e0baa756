/**
 * The backend of tests/third-party-clients/custom-pcm (walkie.js): a tiny voice server with its own protocol, on
 * 127.0.0.1 (port 0). It listens to the caller's binary PCM16 frames with an energy VAD (speech after 250 ms above
 * -40 dBFS, a turn ends after 600 ms below it), thinks thinkMs, then streams a speech-like reply (syllables of a
 * 140 Hz buzz, pauses between words) as binary PCM16 in 100 ms chunks paced in real time. Talking over a reply stops
 * it ({"op":"stop"}). stallMs: halfway through every reply it stops sending for that long (the caller hears a gap).
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

const RATE = 24_000;
const CHUNK_MS = 100;
const SPEECH_RMS = 0.01;

export interface WalkieServer {
  url: string;
  replies(): number;
  close(): Promise<void>;
}

function replyAudio(seed: number): Int16Array {
  let s = seed;
  const random = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  const parts: number[] = [];
  const totalMs = 1800 + random() * 900;
  for (let t = 0; t < totalMs; ) {
    const wordMs = 150 + random() * 250;
    const n = Math.round((wordMs / 1000) * RATE);
    for (let i = 0; i < n; i++) {
      const env = Math.min(1, i / 240, (n - i) / 480);
      const phase = ((i * 140) / RATE) % 1;
      parts.push(Math.round(9000 * env * (phase < 0.4 ? Math.sin((Math.PI * phase) / 0.4) : 0)));
    }
    const pauseMs = 80 + random() * 150;
    for (let i = 0; i < Math.round((pauseMs / 1000) * RATE); i++) parts.push(0);
    t += wordMs + pauseMs;
  }
  return Int16Array.from(parts);
}

export async function startWalkieServer(options: { thinkMs?: number; stallMs?: number } = {}): Promise<WalkieServer> {
  const thinkMs = options.thinkMs ?? 300;
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  let replies = 0;
  server.on('connection', (socket: WebSocket) => {
    let speechMs = 0;
    let silenceMs = 0;
    let replying: { timer: ReturnType<typeof setTimeout> | null; cancelled: boolean } | null = null;
    const stopReply = () => {
      if (!replying) return;
      replying.cancelled = true;
      if (replying.timer) clearTimeout(replying.timer);
      replying = null;
      socket.send(JSON.stringify({ op: 'stop' }));
    };
    const reply = () => {
      const id = ++replies;
      const pcm = replyAudio(id);
      const perChunk = (RATE * CHUNK_MS) / 1000;
      const state: { timer: ReturnType<typeof setTimeout> | null; cancelled: boolean } = { timer: null, cancelled: false };
      replying = state;
      socket.send(JSON.stringify({ op: 'reply', id }));
      let offset = 0;
      let stalled = false;
      const sendNext = () => {
        if (state.cancelled || socket.readyState !== socket.OPEN) return;
        if (offset >= pcm.length) {
          socket.send(JSON.stringify({ op: 'end', id }));
          if (replying === state) replying = null;
          return;
        }
        const chunk = pcm.slice(offset, offset + perChunk);
        offset += perChunk;
        socket.send(Buffer.from(chunk.buffer));
        const stall = options.stallMs && !stalled && offset >= pcm.length / 2;
        if (stall) stalled = true;
        state.timer = setTimeout(sendNext, stall ? CHUNK_MS + options.stallMs! : CHUNK_MS);
      };
      sendNext();
    };
    socket.on('message', (data, isBinary) => {
      if (!isBinary) return;
      const buffer = data as Buffer;
      // A copy: ws may hand out a Buffer at an odd offset in its pool, and an Int16Array view there throws.
      const samples = new Int16Array(new Uint8Array(buffer).buffer, 0, buffer.byteLength >> 1);
      let sum = 0;
      for (const x of samples) sum += (x / 32768) ** 2;
      const frameMs = (samples.length / RATE) * 1000;
      const speaking = samples.length > 0 && Math.sqrt(sum / samples.length) > SPEECH_RMS;
      if (speaking) {
        speechMs += frameMs;
        silenceMs = 0;
        if (replying && speechMs >= 170) stopReply();
      } else if (speechMs >= 250) {
        silenceMs += frameMs;
        if (silenceMs >= 600) {
          speechMs = 0;
          silenceMs = 0;
          setTimeout(reply, thinkMs);
        }
      } else speechMs = 0;
    });
  });
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    replies: () => replies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
