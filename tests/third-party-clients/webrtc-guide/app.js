// A voice chat page written from the Realtime API's WebRTC guide: the browser asks its own backend for an
// ephemeral key (GET /token, answered with the client secret the backend minted), opens an RTCPeerConnection with
// the microphone track and the `oai-events` data channel, POSTs its SDP offer to the Realtime API with that key,
// plays the model's audio track in an <audio autoplay> element and configures the session over the data channel.

const startButton = document.getElementById('start');
const stopButton = document.getElementById('stop');
const statusEl = document.getElementById('status');
const logEl = document.getElementById('log');
const audioEl = document.getElementById('assistant-audio');

let pc = null;
let dc = null;
let micStream = null;
let assistantLine = null;

function setStatus(text) {
  statusEl.textContent = text;
}

function addLine(who, text) {
  const p = document.createElement('p');
  p.textContent = `${who}: ${text}`;
  logEl.prepend(p);
  while (logEl.childElementCount > 50) logEl.lastElementChild.remove();
  return p;
}

async function startSession() {
  startButton.disabled = true;
  setStatus('connecting');
  try {
    // Get a session token for OpenAI Realtime API
    const tokenResponse = await fetch('/token');
    if (!tokenResponse.ok) throw new Error(`token request failed: ${tokenResponse.status}`);
    const data = await tokenResponse.json();
    const EPHEMERAL_KEY = data.value;

    // Create a peer connection
    pc = new RTCPeerConnection();

    // Set up to play remote audio from the model
    pc.ontrack = (e) => {
      audioEl.srcObject = e.streams[0];
    };

    // Add local audio track for microphone input in the browser
    micStream = await navigator.mediaDevices.getUserMedia({ audio: true });
    pc.addTrack(micStream.getTracks()[0]);

    // Set up data channel for sending and receiving events
    dc = pc.createDataChannel('oai-events');
    dc.addEventListener('open', onChannelOpen);
    dc.addEventListener('message', onServerEvent);
    dc.addEventListener('close', () => {
      if (dc) stopSession('closed');
    });

    pc.addEventListener('connectionstatechange', () => {
      if (pc && pc.connectionState === 'failed') stopSession('failed');
    });

    // Start the session using the Session Description Protocol (SDP)
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);

    const baseUrl = 'https://api.openai.com/v1/realtime/calls';
    const sdpResponse = await fetch(baseUrl, {
      method: 'POST',
      body: offer.sdp,
      headers: {
        Authorization: `Bearer ${EPHEMERAL_KEY}`,
        'Content-Type': 'application/sdp',
      },
    });
    if (!sdpResponse.ok) throw new Error(`call request failed: ${sdpResponse.status} ${await sdpResponse.text()}`);
    const callId = sdpResponse.headers.get('Location')?.split('/').pop();
    console.log('call', callId);

    const answer = { type: 'answer', sdp: await sdpResponse.text() };
    await pc.setRemoteDescription(answer);
    stopButton.disabled = false;
  } catch (error) {
    console.warn('could not start the session:', error);
    stopSession('error');
  }
}

function onChannelOpen() {
  dc.send(
    JSON.stringify({
      type: 'session.update',
      session: {
        type: 'realtime',
        instructions: 'You are a friendly assistant. Keep your answers short.',
        audio: {
          input: { transcription: { model: 'gpt-4o-mini-transcribe' }, turn_detection: { type: 'server_vad' } },
          output: { voice: 'marin' },
        },
      },
    }),
  );
}

function onServerEvent(e) {
  const event = JSON.parse(e.data);
  switch (event.type) {
    case 'session.updated':
      setStatus('live');
      break;
    case 'input_audio_buffer.speech_started':
      setStatus('listening');
      break;
    case 'response.created':
      setStatus('answering');
      assistantLine = null;
      break;
    case 'response.output_audio_transcript.delta':
      if (!assistantLine) assistantLine = addLine('assistant', '');
      assistantLine.textContent += event.delta;
      break;
    case 'conversation.item.input_audio_transcription.completed':
      addLine('you', event.transcript);
      break;
    case 'response.done':
      setStatus('live');
      break;
    case 'error':
      console.warn('realtime error:', event.error?.message ?? event);
      break;
  }
}

function stopSession(reason) {
  const [channel, peer, stream] = [dc, pc, micStream];
  dc = null;
  pc = null;
  micStream = null;
  if (channel) channel.close();
  if (peer) peer.close();
  if (stream) for (const track of stream.getTracks()) track.stop();
  audioEl.srcObject = null;
  setStatus(reason === 'user' ? 'idle' : reason);
  startButton.disabled = false;
  stopButton.disabled = true;
}

startButton.addEventListener('click', startSession);
stopButton.addEventListener('click', () => stopSession('user'));
