// A voice app that carries a secret in every place an app can (for the secrets end-to-end test): it POSTs to its
// backend's /session with a pasted key in an Authorization header, gets an ephemeral key back in JSON
// (client_secret.value), and opens the Realtime socket with that key as an openai-insecure-api-key subprotocol,
// the typed #api-key as api-key= and the page URL's token= as key= in the socket URL. Capture: ScriptProcessor,
// pcm16 at 24 kHz, server VAD (beta). Reply audio is counted, not played.
(function () {
  'use strict';

  var HEADER_KEY = 'sk-headersecret-0123456789abcdef'; // the same value as in secrets-in-artifacts.spec.ts
  var SAMPLE_RATE = 24000;
  var talk = document.getElementById('talk');
  var statusText = document.getElementById('status');
  var socket = null;
  var audioContext = null;
  var replyChunks = 0;

  function setStatus(text) {
    statusText.textContent = text;
  }

  function send(event) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(event));
  }

  function pcm16Base64(samples) {
    var pcm = Int16Array.from(samples, function (s) { return Math.max(-1, Math.min(1, s)) * 0x7fff; });
    var bytes = new Uint8Array(pcm.buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }

  async function startMic() {
    var stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
    var source = audioContext.createMediaStreamSource(stream);
    var processor = audioContext.createScriptProcessor(2048, 1, 1);
    processor.onaudioprocess = function (e) {
      send({ type: 'input_audio_buffer.append', audio: pcm16Base64(e.inputBuffer.getChannelData(0)) });
    };
    source.connect(processor);
    processor.connect(audioContext.destination);
  }

  function onServerEvent(message) {
    var event = JSON.parse(message.data);
    if (event.type === 'session.created') {
      send({ type: 'session.update', session: { modalities: ['audio', 'text'], input_audio_format: 'pcm16', output_audio_format: 'pcm16', turn_detection: { type: 'server_vad' } } });
    } else if (event.type === 'session.updated') {
      setStatus('live');
      startMic().catch(function (error) { setStatus('mic error: ' + error.message); });
    } else if (event.type === 'response.audio.delta' || event.type === 'response.output_audio.delta') {
      replyChunks++;
    } else if (event.type === 'error') {
      console.warn('realtime error', event.error && event.error.message);
    }
  }

  talk.addEventListener('click', async function () {
    if (socket) return;
    talk.disabled = true;
    setStatus('connecting');
    audioContext = new AudioContext({ sampleRate: SAMPLE_RATE });
    var response = await fetch('/session', { method: 'POST', headers: { Authorization: 'Bearer ' + HEADER_KEY, 'Content-Type': 'application/json' }, body: '{"model":"gpt-realtime"}' });
    var session = await response.json();
    var pageToken = new URLSearchParams(location.search).get('token') || '';
    var url = 'wss://api.openai.com/v1/realtime?model=gpt-realtime&api-key=' + encodeURIComponent(document.getElementById('api-key').value) + '&key=' + encodeURIComponent(pageToken);
    socket = new WebSocket(url, ['realtime', 'openai-insecure-api-key.' + session.client_secret.value, 'openai-beta.realtime-v1']);
    socket.onmessage = onServerEvent;
    socket.onclose = function (e) {
      setStatus('closed (' + e.code + ')');
      socket = null;
      talk.disabled = false;
    };
  });
})();
