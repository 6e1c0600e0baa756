// A voice agent page built on the OpenAI Agents SDK's realtime package, the way its quickstart does it: a
// RealtimeAgent, a RealtimeSession over the WebRTC transport (OpenAIRealtimeWebRTC, which opens the peer
// connection, adds the microphone, creates the `oai-events` channel and POSTs the offer to
// https://api.openai.com/v1/realtime/calls), and an ephemeral key from the app's own backend (POST /api/session).
// Bundled for the browser with esbuild (see ../README.md).
import { OpenAIRealtimeWebRTC, RealtimeAgent, RealtimeSession } from '@openai/agents-realtime';

const connectButton = document.getElementById('connect');
const disconnectButton = document.getElementById('disconnect');
const statusEl = document.getElementById('status');
const historyEl = document.getElementById('history');
const audioEl = document.getElementById('agent-audio');

const agent = new RealtimeAgent({
  name: 'Assistant',
  instructions: 'You are a friendly voice assistant. Keep your answers short.',
});

let session = null;

async function fetchEphemeralKey() {
  const response = await fetch('/api/session', { method: 'POST' });
  if (!response.ok) throw new Error(`session request failed: ${response.status}`);
  const body = await response.json();
  return body.value ?? body.client_secret?.value;
}

function renderHistory(history) {
  historyEl.replaceChildren(
    ...history
      .filter((item) => item.type === 'message')
      .slice(-20)
      .map((item) => {
        const p = document.createElement('p');
        const text = item.content.map((part) => part.transcript ?? part.text ?? '').join('');
        p.textContent = `${item.role}: ${text}`;
        return p;
      }),
  );
}

async function connect() {
  connectButton.disabled = true;
  statusEl.textContent = 'connecting';
  const transport = new OpenAIRealtimeWebRTC({ audioElement: audioEl });
  transport.on('connection_change', (status) => {
    statusEl.textContent = status === 'connected' ? 'live' : status;
    if (status === 'disconnected') {
      connectButton.disabled = false;
      disconnectButton.disabled = true;
    }
  });
  session = new RealtimeSession(agent, { transport, model: 'gpt-realtime' });
  session.on('history_updated', renderHistory);
  session.on('error', (event) => console.warn('realtime error:', event.error));
  try {
    await session.connect({ apiKey: fetchEphemeralKey });
    disconnectButton.disabled = false;
  } catch (error) {
    console.warn('could not connect:', error);
    statusEl.textContent = 'error';
    connectButton.disabled = false;
  }
}

function disconnect() {
  session?.close();
  session = null;
  statusEl.textContent = 'disconnected';
  connectButton.disabled = false;
  disconnectButton.disabled = true;
}

connectButton.addEventListener('click', connect);
disconnectButton.addEventListener('click', disconnect);
