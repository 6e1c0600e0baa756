// Voice console talking to the app's own relay server (which adds the API key and forwards to OpenAI).
// Mic: AudioWorklet -> pcm16 24 kHz, 8192-byte chunks. Server VAD; barge-in stops playback and cancels.
import { RealtimeClient } from './realtime-client.js';
import { base64ToPcm16, pcm16ToBase64 } from './pcm16.js';

const RELAY_URL = 'ws://localhost:8081'; // baked in by the build (REACT_APP_LOCAL_RELAY_SERVER_URL)
const OUTPUT_RATE = 24000;

const connectButton = document.getElementById('connect');
const statusText = document.getElementById('status');
const conversation = document.getElementById('conversation');
const eventLog = document.getElementById('events');

let client = null;
let audioContext = null;
let micStream = null;
let captureNode = null;
let workletLoaded = null;
let playhead = 0;
let sources = new Set();
let assistantLine = null;

function setStatus(text) {
  statusText.textContent = text;
}

function logEvent(direction, event) {
  if (event.type.endsWith('.delta') || event.type === 'input_audio_buffer.append') return;
  const line = document.createElement('div');
  line.textContent = direction + ' ' + event.type;
  eventLog.prepend(line);
  while (eventLog.childElementCount > 20) eventLog.lastElementChild.remove();
}

function addLine(role, text) {
  const p = document.createElement('p');
  p.className = role;
  p.textContent = (role === 'user' ? 'user: ' : 'assistant: ') + text;
  conversation.appendChild(p);
  return p;
}

function playDelta(base64) {
  const pcm = base64ToPcm16(base64);
  const buffer = audioContext.createBuffer(1, pcm.length, OUTPUT_RATE); // resampled to the context's rate on play
  const channel = buffer.getChannelData(0);
  for (let i = 0; i < pcm.length; i++) channel[i] = pcm[i] / 0x8000;
  const source = audioContext.createBufferSource();
  source.buffer = buffer;
  source.connect(audioContext.destination);
  playhead = Math.max(playhead, audioContext.currentTime + 0.02);
  source.start(playhead);
  playhead += buffer.duration;
  sources.add(source);
  source.onended = () => sources.delete(source);
}

function stopPlayback() {
  for (const source of sources) {
    try {
      source.stop();
    } catch (error) {
      // never started
    }
  }
  sources.clear();
  playhead = 0;
}

async function startMic() {
  workletLoaded = workletLoaded || audioContext.audioWorklet.addModule('capture-worklet.js');
  await workletLoaded;
  micStream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true } });
  const input = audioContext.createMediaStreamSource(micStream);
  captureNode = new AudioWorkletNode(audioContext, 'pcm16-capture');
  captureNode.port.onmessage = (message) => {
    if (client && client.isConnected()) client.send('input_audio_buffer.append', { audio: pcm16ToBase64(message.data) });
  };
  input.connect(captureNode);
}

function stopMic() {
  if (captureNode) {
    captureNode.port.postMessage('stop');
    captureNode.disconnect();
    captureNode = null;
  }
  if (micStream) micStream.getTracks().forEach((track) => track.stop());
  micStream = null;
}

function wireEvents() {
  client.on('server.*', (event) => logEvent('server', event));
  client.on('client.*', (event) => logEvent('client', event));
  client.on('session.updated', () => setStatus('live'));
  client.on('input_audio_buffer.speech_started', () => {
    stopPlayback();
    client.send('response.cancel');
    setStatus('listening');
  });
  client.on('conversation.item.input_audio_transcription.completed', (event) => addLine('user', event.transcript));
  client.on('response.created', () => {
    assistantLine = null;
    setStatus('answering');
  });
  client.on('response.audio.delta', (event) => playDelta(event.delta));
  client.on('response.audio_transcript.delta', (event) => {
    if (!assistantLine) assistantLine = addLine('assistant', '');
    assistantLine.textContent += event.delta;
  });
  client.on('response.done', () => setStatus('live'));
  client.on('error', (event) => console.warn('realtime error', event.error && event.error.code, event.error && event.error.message));
  client.on('close', (event) => {
    console.warn('relay closed', event.code, event.reason);
    stopMic();
    stopPlayback();
    setStatus('disconnected');
    connectButton.textContent = 'Connect';
    connectButton.disabled = false;
    client = null;
  });
}

async function connect() {
  connectButton.disabled = true;
  setStatus('connecting');
  audioContext = audioContext || new AudioContext();
  await audioContext.resume();
  client = new RealtimeClient(RELAY_URL);
  wireEvents();
  try {
    await client.connect();
  } catch (error) {
    console.warn(error);
    setStatus('disconnected');
    connectButton.disabled = false;
    client = null;
    return;
  }
  client.send('session.update', {
    session: {
      modalities: ['text', 'audio'],
      instructions: 'System settings: Tool use enabled. Be kind, helpful and brief.',
      voice: 'verse',
      input_audio_format: 'pcm16',
      output_audio_format: 'pcm16',
      input_audio_transcription: { model: 'whisper-1' },
      turn_detection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 500 },
    },
  });
  connectButton.textContent = 'Disconnect';
  connectButton.disabled = false;
  try {
    await startMic();
  } catch (error) {
    console.warn('microphone failed', error);
    setStatus('mic error');
  }
}

connectButton.addEventListener('click', () => {
  if (client) client.disconnect();
  else connect();
});
