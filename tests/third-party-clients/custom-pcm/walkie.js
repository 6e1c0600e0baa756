// A voice app that does not speak the OpenAI Realtime protocol: its own small protocol over a WebSocket.
//   client -> server: {"op":"hello","rate":24000} once, then binary frames of mono 16-bit PCM (little endian)
//   server -> client: {"op":"reply","id":N}, binary PCM frames of the reply (same format), {"op":"end","id":N};
//                     {"op":"stop"} when the caller talks over a reply (the client stops playing at once).
// The endpoint is hard-coded per deployment; for local runs it comes from ?server=ws://host:port/.
(function () {
  'use strict';
  var RATE = 24000;
  var server = new URLSearchParams(location.search).get('server') || 'wss://walkie.example.com/talk';
  var talk = document.getElementById('talk');
  var status = document.getElementById('status');
  var repliesEl = document.getElementById('replies');
  var ws = null;
  var ctx = null;
  var nextStart = 0;
  var playing = [];
  var replies = 0;

  function setStatus(s) { status.textContent = s; }

  function play(pcm) {
    var ints = new Int16Array(pcm);
    var floats = new Float32Array(ints.length);
    for (var i = 0; i < ints.length; i++) floats[i] = ints[i] / 32768;
    var buffer = ctx.createBuffer(1, floats.length, RATE);
    buffer.copyToChannel(floats, 0);
    var source = ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(ctx.destination);
    var at = Math.max(ctx.currentTime + 0.05, nextStart);
    source.start(at);
    nextStart = at + buffer.duration;
    playing.push(source);
    source.onended = function () { playing.splice(playing.indexOf(source), 1); };
  }

  function stopPlayback() {
    playing.slice().forEach(function (s) { try { s.stop(); } catch (e) { /* already stopped */ } });
    playing = [];
    nextStart = 0;
  }

  talk.addEventListener('click', function () {
    talk.disabled = true;
    setStatus('connecting');
    ctx = new AudioContext({ sampleRate: RATE });
    ws = new WebSocket(server);
    ws.binaryType = 'arraybuffer';
    ws.onopen = function () {
      ws.send(JSON.stringify({ op: 'hello', rate: RATE }));
      navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } }).then(function (stream) {
        var input = ctx.createMediaStreamSource(stream);
        var processor = ctx.createScriptProcessor(2048, 1, 1);
        processor.onaudioprocess = function (e) {
          if (!ws || ws.readyState !== 1) return;
          var data = e.inputBuffer.getChannelData(0);
          var out = new Int16Array(data.length);
          for (var i = 0; i < data.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round(data[i] * 32767)));
          ws.send(out.buffer);
        };
        input.connect(processor);
        processor.connect(ctx.destination); // a ScriptProcessor only runs when connected; its output stays silent
        setStatus('live');
      }, function (err) { console.warn('walkie: no microphone', err); setStatus('no mic'); });
    };
    ws.onmessage = function (event) {
      if (typeof event.data !== 'string') return play(event.data);
      var message = JSON.parse(event.data);
      if (message.op === 'reply') setStatus('answering');
      if (message.op === 'end') { replies++; repliesEl.textContent = String(replies); setStatus('live'); }
      if (message.op === 'stop') { stopPlayback(); setStatus('listening'); }
    };
    ws.onclose = function (event) {
      setStatus('closed (' + event.code + ')');
      stopPlayback();
      talk.disabled = false;
    };
  });
})();
