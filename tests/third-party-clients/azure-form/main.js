// Azure OpenAI realtime demo: the user types endpoint, key and deployment; the page connects straight to the
// resource (key in the query string, as Azure allows for browsers), then "Start conversation" opens the mic.
// Beta event names (api-version ...-preview), server VAD; barge-in clears the player.
import { Player, Recorder, SAMPLE_RATE } from './audio.js';

const API_VERSION = '2025-04-01-preview';

const endpointInput = document.getElementById('endpoint');
const keyInput = document.getElementById('api-key');
const deploymentInput = document.getElementById('deployment');
const connectButton = document.getElementById('connect');
const startButton = document.getElementById('start');
const statusText = document.getElementById('status');
const transcript = document.getElementById('transcript');

let socket = null;
let context = null;
let player = null;
let recorder = null;
let assistantLine = null;

function setStatus(text) {
  statusText.textContent = text;
}

function addLine(role, text) {
  const p = document.createElement('p');
  p.className = role;
  p.textContent = (role === 'user' ? 'User: ' : 'Assistant: ') + text;
  transcript.appendChild(p);
  transcript.scrollTop = transcript.scrollHeight;
  return p;
}

function toBase64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function send(event) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(event));
}

function realtimeUrl(endpoint, deployment, key) {
  const host = new URL(/^[a-z]+:\/\//i.test(endpoint) ? endpoint : 'https://' + endpoint).host;
  const query = new URLSearchParams({ 'api-version': API_VERSION, deployment: deployment, 'api-key': key });
  return 'wss://' + host + '/openai/realtime?' + query.toString();
}

function handleEvent(event) {
  switch (event.type) {
    case 'session.created':
      send({
        type: 'session.update',
        session: {
          modalities: ['text', 'audio'],
          instructions: 'You are a helpful assistant for Contoso customers.',
          voice: 'alloy',
          input_audio_format: 'pcm16',
          output_audio_format: 'pcm16',
          input_audio_transcription: { model: 'whisper-1' },
          turn_detection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 500 },
        },
      });
      break;
    case 'session.updated':
      setStatus('live');
      if (!recorder) startButton.disabled = false;
      break;
    case 'input_audio_buffer.speech_started':
      player.clear();
      setStatus('listening');
      break;
    case 'conversation.item.input_audio_transcription.completed':
      addLine('user', event.transcript);
      break;
    case 'response.created':
      assistantLine = null;
      setStatus('answering');
      break;
    case 'response.audio.delta':
      player.play(fromBase64(event.delta));
      break;
    case 'response.audio_transcript.delta':
      if (!assistantLine) assistantLine = addLine('assistant', '');
      assistantLine.textContent += event.delta;
      break;
    case 'response.done':
      setStatus('live');
      break;
    case 'error':
      console.warn('realtime error', event.error && event.error.code, event.error && event.error.message);
      break;
  }
}

async function connect() {
  const endpoint = endpointInput.value.trim();
  const key = keyInput.value.trim();
  const deployment = deploymentInput.value.trim();
  if (!endpoint || !key || !deployment) {
    alert('Please fill in endpoint, key and deployment');
    return;
  }
  let url;
  try {
    url = realtimeUrl(endpoint, deployment, key);
  } catch (error) {
    alert('The endpoint is not a valid URL');
    return;
  }
  connectButton.disabled = true;
  setStatus('connecting');
  context = new AudioContext({ sampleRate: SAMPLE_RATE });
  player = new Player(context);
  await player.init();
  socket = new WebSocket(url);
  socket.addEventListener('message', (message) => handleEvent(JSON.parse(message.data)));
  socket.addEventListener('error', () => console.warn('realtime socket error'));
  socket.addEventListener('close', (close) => {
    console.warn('realtime socket closed', close.code, close.reason);
    if (recorder) recorder.stop();
    recorder = null;
    context.close();
    socket = null;
    startButton.disabled = true;
    connectButton.disabled = false;
    setStatus('disconnected (' + close.code + ')');
  });
}

async function startConversation() {
  startButton.disabled = true;
  recorder = new Recorder(context, (chunk) => send({ type: 'input_audio_buffer.append', audio: toBase64(chunk) }));
  try {
    await recorder.start();
  } catch (error) {
    console.warn('could not start the microphone', error);
    recorder = null;
    startButton.disabled = false;
  }
}

connectButton.addEventListener('click', () => {
  connect().catch((error) => {
    console.warn('connect failed', error);
    connectButton.disabled = false;
    setStatus('idle');
  });
});
startButton.addEventListener('click', startConversation);
