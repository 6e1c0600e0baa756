// Push-to-talk voice client: hard-coded OpenAI URL and key (an internal demo), GA event names, no turn detection.
// Mic audio is appended only while #hold (or the space bar) is held; release commits and asks for a response.
// Pressing while the assistant speaks stops playback, truncates what was not heard and cancels the response.
(function () {
  'use strict';

  var REALTIME_URL = 'wss://api.openai.com/v1/realtime?model=gpt-realtime';
  var API_KEY = 'sk-thirdparty-ptt-0123456789abcdef';
  var MIN_COMMIT_BYTES = PttAudio.SAMPLE_RATE / 5; // 100 ms of pcm16; the API rejects shorter commits

  var connectButton = document.getElementById('connect');
  var holdButton = document.getElementById('hold');
  var statusText = document.getElementById('status');
  var log = document.getElementById('log');

  var socket = null;
  var context = null;
  var closeMic = null;
  var live = false;
  var holding = false;
  var heldBytes = 0;
  var responseActive = false;
  var sources = [];
  var playhead = 0;
  var playingItem = null; // { id, startedAt (context time), ms (audio received) }
  var assistantLine = null;

  function setStatus(text) {
    statusText.textContent = text;
  }

  function addLine(who, text) {
    var p = document.createElement('p');
    p.textContent = who + ': ' + text;
    log.appendChild(p);
    return p;
  }

  function send(event) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(event));
  }

  function play(itemId, base64) {
    var samples = PttAudio.toSamples(base64);
    var buffer = context.createBuffer(1, samples.length, PttAudio.SAMPLE_RATE);
    buffer.copyToChannel(samples, 0);
    var source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(context.destination);
    playhead = Math.max(playhead, context.currentTime);
    if (!playingItem || playingItem.id !== itemId) playingItem = { id: itemId, startedAt: playhead, ms: 0 };
    source.start(playhead);
    playhead += buffer.duration;
    playingItem.ms += buffer.duration * 1000;
    sources.push(source);
    source.onended = function () {
      sources.splice(sources.indexOf(source), 1);
    };
  }

  function interrupt() {
    if (playingItem && sources.length) {
      var heardMs = Math.floor(Math.min(playingItem.ms, (context.currentTime - playingItem.startedAt) * 1000));
      send({ type: 'conversation.item.truncate', item_id: playingItem.id, content_index: 0, audio_end_ms: Math.max(0, heardMs) });
    }
    sources.slice().forEach(function (source) {
      try { source.stop(); } catch (e) { /* not started */ }
    });
    sources = [];
    playhead = 0;
    playingItem = null;
    if (responseActive) send({ type: 'response.cancel' });
  }

  function startTalking() {
    if (!live || holding) return;
    if (responseActive || sources.length) interrupt();
    holding = true;
    heldBytes = 0;
    holdButton.classList.add('down');
    setStatus('recording');
  }

  function stopTalking() {
    if (!holding) return;
    holding = false;
    holdButton.classList.remove('down');
    if (heldBytes < MIN_COMMIT_BYTES) {
      send({ type: 'input_audio_buffer.clear' });
      setStatus('live');
      return;
    }
    send({ type: 'input_audio_buffer.commit' });
    send({ type: 'response.create' });
    setStatus('answering');
  }

  function onMicChunk(bytes) {
    if (!holding) return;
    heldBytes += bytes.length;
    send({ type: 'input_audio_buffer.append', audio: PttAudio.toBase64(bytes) });
  }

  function onServerEvent(event) {
    switch (event.type) {
      case 'session.created':
        send({
          type: 'session.update',
          session: {
            type: 'realtime',
            instructions: 'You are a terse radio operator. Answer in one or two sentences.',
            audio: {
              input: { format: { type: 'audio/pcm', rate: 24000 }, turn_detection: null, transcription: { model: 'gpt-4o-mini-transcribe' } },
              output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'cedar' },
            },
          },
        });
        break;
      case 'session.updated':
        if (live) break;
        live = true;
        setStatus('live');
        PttAudio.openMic(context, onMicChunk).then(function (close) {
          if (!live) return close(); // the socket closed meanwhile
          closeMic = close;
          holdButton.disabled = false;
        }, function (error) {
          console.warn('microphone unavailable', error);
          setStatus('mic error');
        });
        break;
      case 'conversation.item.input_audio_transcription.completed':
        addLine('You', event.transcript);
        break;
      case 'response.created':
        responseActive = true;
        assistantLine = null;
        if (!holding) setStatus('answering');
        break;
      case 'response.output_audio.delta':
        play(event.item_id, event.delta);
        break;
      case 'response.output_audio_transcript.delta':
        if (!assistantLine) assistantLine = addLine('Assistant', '');
        assistantLine.textContent += event.delta;
        break;
      case 'response.done':
        responseActive = false;
        if (!holding) setStatus('live');
        break;
      case 'error':
        console.warn('realtime error', event.error && event.error.code, event.error && event.error.message);
        break;
    }
  }

  function connect() {
    if (socket) return;
    connectButton.disabled = true;
    setStatus('connecting');
    context = new AudioContext({ sampleRate: PttAudio.SAMPLE_RATE });
    socket = new WebSocket(REALTIME_URL, ['realtime', 'openai-insecure-api-key.' + API_KEY]);
    socket.onmessage = function (message) {
      onServerEvent(JSON.parse(message.data));
    };
    socket.onerror = function () {
      console.warn('realtime socket error');
    };
    socket.onclose = function (close) {
      console.warn('realtime socket closed', close.code, close.reason);
      if (closeMic) closeMic();
      closeMic = null;
      sources.forEach(function (source) {
        try { source.stop(); } catch (e) { /* not started */ }
      });
      sources = [];
      context.close();
      socket = null;
      live = holding = responseActive = false;
      holdButton.disabled = true;
      holdButton.classList.remove('down');
      connectButton.disabled = false;
      setStatus('idle');
    };
  }

  connectButton.addEventListener('click', connect);
  holdButton.addEventListener('pointerdown', startTalking);
  holdButton.addEventListener('mousedown', startTalking);
  ['pointerup', 'mouseup', 'pointerleave', 'pointercancel'].forEach(function (type) {
    holdButton.addEventListener(type, stopTalking);
  });
  document.addEventListener('keydown', function (e) {
    if (e.code !== 'Space') return;
    e.preventDefault(); // no page scroll, no click on a focused button
    if (!e.repeat) startTalking();
  });
  document.addEventListener('keyup', function (e) {
    if (e.code !== 'Space') return;
    e.preventDefault();
    stopTalking();
  });
})();
