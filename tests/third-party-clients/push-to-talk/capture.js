// Microphone capture that is always running once opened; the page decides which chunks to send.
// Also the pcm16 <-> base64 helpers. Exposes PttAudio (a plain script, no modules).
var PttAudio = (function () {
  'use strict';

  var SAMPLE_RATE = 24000;

  async function openMic(context, onChunk) {
    await context.audioWorklet.addModule('capture-worklet.js');
    var stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
    var source = context.createMediaStreamSource(stream);
    var node = new AudioWorkletNode(context, 'ptt-capture');
    node.port.onmessage = function (message) {
      onChunk(new Uint8Array(message.data));
    };
    source.connect(node);
    return function close() {
      node.port.onmessage = null;
      source.disconnect();
      node.disconnect();
      stream.getTracks().forEach(function (track) { track.stop(); });
    };
  }

  function toBase64(bytes) {
    var binary = '';
    for (var i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }

  function toSamples(base64) {
    var binary = atob(base64);
    var pcm = new Int16Array(binary.length >> 1);
    for (var i = 0; i < pcm.length; i++) {
      var value = binary.charCodeAt(2 * i) | (binary.charCodeAt(2 * i + 1) << 8);
      pcm[i] = value;
    }
    var samples = new Float32Array(pcm.length);
    for (var j = 0; j < pcm.length; j++) samples[j] = pcm[j] / 0x8000;
    return samples;
  }

  return { SAMPLE_RATE: SAMPLE_RATE, openMic: openMic, toBase64: toBase64, toSamples: toSamples };
})();
