/**
 * Test fixture for the monitor e2e: an http server on 127.0.0.1 serving the monitor bundle and two small pages,
 * plus a Realtime-ish `ws` server on the same port. On input_audio_buffer.commit it plays a server-VAD turn
 * (speech_stopped, committed, then a response); on response.create it answers: response.created, `deltas` GA
 * audio deltas 20 ms apart, response.done. With ?mode=never-done the response never finishes.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

const AUDIO_DELTA_BASE64 = Buffer.alloc(2400, 1).toString('base64');

const APP_PAGE = `<!doctype html><html><head><title>monitor test app</title>
<script src="/monitor/voice-soak-monitor.js"></script></head>
<body><button id="talk">Talk</button>
<script>
  window.appState = { chunks: [], cleaned: 0, interrupted: [], done: 0, blockMs: 0 };
  window.voiceSoakAppHooks = {
    cleanupAudioChunks() { const n = appState.chunks.length; appState.chunks = []; appState.cleaned += n; return n; },
    interruptResponse(reason) { appState.interrupted.push(reason); },
    getState() { return { chunks: appState.chunks.length, done: appState.done }; },
  };
  window.startApp = (mode) => new Promise((resolve) => {
    const ws = new WebSocket('ws://' + location.host + '/realtime?mode=' + mode);
    ws.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type === 'response.created' && appState.blockMs) {
        const start = performance.now();
        while (performance.now() - start < appState.blockMs) {}
      }
      if (message.type === 'response.done') appState.done += 1;
    };
    ws.onopen = () => resolve();
    window.ws = ws;
  });
  window.turn = () => ws.send(JSON.stringify({ type: 'input_audio_buffer.commit' }));
</script></body></html>`;

/** A page that has never heard of voice-soak: it opens a socket, asks for one response, counts audio. */
const PLAIN_PAGE = `<!doctype html><html><head><title>plain voice page</title></head><body><p>plain</p>
<script>
  window.plain = { audioFrames: 0, done: false };
  const ws = new WebSocket('ws://' + location.host + '/realtime?mode=normal');
  ws.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    if (message.type === 'response.output_audio.delta') plain.audioFrames += 1;
    if (message.type === 'response.done') plain.done = true;
  });
  ws.addEventListener('open', () => ws.send(JSON.stringify({ type: 'response.create' })));
  window.plainSocket = ws;
</script></body></html>`;

export interface TestServer {
  origin: string;
  close(): Promise<void>;
}

function respond(socket: WebSocket, neverDone: boolean, deltas: number, counter: { n: number }): void {
  counter.n += 1;
  const id = `resp_${counter.n}`;
  socket.send(JSON.stringify({ type: 'response.created', response: { id, status: 'in_progress' } }));
  if (neverDone) return;
  let sent = 0;
  const timer = setInterval(() => {
    if (socket.readyState !== socket.OPEN) return clearInterval(timer);
    if (sent < deltas) {
      socket.send(JSON.stringify({ type: 'response.output_audio.delta', response_id: id, item_id: 'item', delta: AUDIO_DELTA_BASE64 }));
      sent += 1;
      return;
    }
    clearInterval(timer);
    socket.send(JSON.stringify({ type: 'response.done', response: { id, status: 'completed', output: [{ type: 'message' }] } }));
  }, 20);
}

export async function startTestServer(bundlePath: string, deltas = 5): Promise<TestServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/monitor/voice-soak-monitor.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(bundlePath));
    } else if (path === '/app.html' || path === '/plain.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(path === '/app.html' ? APP_PAGE : PLAIN_PAGE);
    } else res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ server, path: '/realtime' });
  wss.on('connection', (socket, req) => {
    const neverDone = new URL(req.url ?? '/', 'http://x').searchParams.get('mode') === 'never-done';
    const counter = { n: 0 };
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type?: string };
      if (message.type === 'input_audio_buffer.commit') {
        socket.send(JSON.stringify({ type: 'input_audio_buffer.speech_stopped', item_id: `item_${counter.n + 1}` }));
        socket.send(JSON.stringify({ type: 'input_audio_buffer.committed', item_id: `item_${counter.n + 1}` }));
        setTimeout(() => respond(socket, neverDone, deltas, counter), 30);
      } else if (message.type === 'response.create') respond(socket, neverDone, deltas, counter);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}
