// scriptprocessor-key's plain Realtime client (mic -> ScriptProcessor -> pcm16 24 kHz, server VAD, reply audio played
// as it streams, transcripts shown) with two mistakes a prototype makes: every reply chunk's AudioBuffer is kept for a
// "replay" button that was never built (replayHistory), and each transcript delta gets a caption line, and the lines
// scrolled off the log stay referenced (oldLines). ?ws=URL points the socket at a server directly (a tool that cannot
// redirect a socket); otherwise it dials OpenAI. No build step, no dependencies.
(function () {
  'use strict';

  var REALTIME_URL = new URLSearchParams(location.search).get('ws') || 'wss://api.openai.com/v1/realtime?model=gpt-realtime';
  var API_KEY = 'sk-thirdparty-scriptprocessor-0123456789abcdef'; // TODO: fetch an ephemeral key from a backend
  var SAMPLE_RATE = 24000;

  var talkButton = document.getElementById('talk');
  var statusText = document.getElementById('status');
  var log = document.getElementById('log');

  var socket = null;
  var audioContext = null;
  var mic = null;
  var capturing = false;
  var playhead = 0;
  var playing = [];
  var assistantLine = null;
  var replayHistory = []; // every reply chunk, for the replay button (TODO)
  var oldLines = []; // lines scrolled off the log, for "show more" (TODO)

  function setStatus(text) {
    statusText.textContent = text;
  }

  function addLine(role, text) {
    var p = document.createElement('p');
    p.className = role;
    p.textContent = (role === 'user' ? 'You: ' : 'Assistant: ') + text;
    log.appendChild(p);
    while (log.children.length > 6) oldLines.push(log.removeChild(log.firstChild));
    return p;
  }

  function toBase64(bytes) {
    var binary = '';
    for (var i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }

  function fromBase64(text) {
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function floatToPcm16(samples) {
    var out = new Int16Array(samples.length);
    for (var i = 0; i < samples.length; i++) {
      var s = Math.max(-1, Math.min(1, samples[i]));
      out[i] = s < 0 ? s * 0x8000 : s * 0x7fff;
    }
    return new Uint8Array(out.buffer);
  }

  function playPcm16(bytes) {
    var pcm = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 1);
    var buffer = audioContext.createBuffer(1, pcm.length, SAMPLE_RATE);
    var channel = buffer.getChannelData(0);
    for (var i = 0; i < pcm.length; i++) channel[i] = pcm[i] / 0x8000;
    var source = audioContext.createBufferSource();
    source.buffer = buffer;
    replayHistory.push(buffer);
    source.connect(audioContext.destination);
    playhead = Math.max(playhead, audioContext.currentTime);
    source.start(playhead);
    playhead += buffer.duration;
    playing.push(source);
    source.onended = function () {
      playing.splice(playing.indexOf(source), 1);
    };
  }

  function stopPlayback() {
    playing.slice().forEach(function (source) {
      try { source.stop(); } catch (e) { /* already stopped */ }
    });
    playing = [];
    playhead = 0;
  }

  function send(event) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(event));
  }

  function onServerEvent(message) {
    var event = JSON.parse(message.data);
    switch (event.type) {
      case 'session.created':
        send({
          type: 'session.update',
          session: {
            modalities: ['audio', 'text'],
            instructions: 'You are a friendly assistant. Keep answers short.',
            voice: 'alloy',
            input_audio_format: 'pcm16',
            output_audio_format: 'pcm16',
            input_audio_transcription: { model: 'whisper-1' },
            turn_detection: { type: 'server_vad' },
          },
        });
        break;
      case 'session.updated':
        if (!capturing) {
          capturing = true;
          setStatus('live');
          startMic().catch(function (error) {
            console.warn('microphone failed', error);
            setStatus('mic error: ' + error.message);
          });
        }
        break;
      case 'input_audio_buffer.speech_started':
        stopPlayback();
        setStatus('listening');
        break;
      case 'conversation.item.input_audio_transcription.completed':
        addLine('user', event.transcript || '');
        break;
      case 'response.created':
        assistantLine = null;
        setStatus('answering');
        break;
      case 'response.output_audio.delta':
      case 'response.audio.delta':
        playPcm16(fromBase64(event.delta));
        break;
      case 'response.output_audio_transcript.delta':
      case 'response.audio_transcript.delta':
        if (!assistantLine) assistantLine = addLine('assistant', '');
        assistantLine.textContent += event.delta;
        addLine('assistant', event.delta); // caption
        break;
      case 'response.done':
        setStatus('live');
        break;
      case 'error':
        console.warn('realtime error', event.error && event.error.message);
        break;
      default:
        break;
    }
  }

  async function startMic() {
    var stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
    if (!capturing) return stream.getTracks().forEach(function (track) { track.stop(); }); // closed meanwhile
    var source = audioContext.createMediaStreamSource(stream);
    var processor = audioContext.createScriptProcessor(2048, 1, 1);
    processor.onaudioprocess = function (e) {
      send({ type: 'input_audio_buffer.append', audio: toBase64(floatToPcm16(e.inputBuffer.getChannelData(0))) });
    };
    source.connect(processor);
    processor.connect(audioContext.destination); // ScriptProcessor only runs when connected
    mic = { stream: stream, source: source, processor: processor };
  }

  function stopMic() {
    capturing = false;
    if (!mic) return;
    mic.processor.onaudioprocess = null;
    mic.source.disconnect();
    mic.processor.disconnect();
    mic.stream.getTracks().forEach(function (track) { track.stop(); });
    mic = null;
  }

  talkButton.addEventListener('click', async function () {
    if (socket) return;
    talkButton.disabled = true;
    setStatus('connecting');
    audioContext = new AudioContext({ sampleRate: SAMPLE_RATE });
    socket = new WebSocket(REALTIME_URL, ['realtime', 'openai-insecure-api-key.' + API_KEY, 'openai-beta.realtime-v1']);
    socket.onmessage = onServerEvent;
    socket.onerror = function () {
      console.warn('realtime socket error');
    };
    socket.onclose = function (e) {
      console.warn('realtime socket closed', e.code, e.reason);
      stopMic();
      stopPlayback();
      audioContext.close();
      socket = null;
      talkButton.disabled = false;
      setStatus('closed (' + e.code + ')');
    };
    socket.onopen = function () {
      setStatus('connected');
    };
  });
})();
