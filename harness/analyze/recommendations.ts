/**
 * What to do about each finding, from the seed's "Common Patterns and Solutions" and "Automatic Safeguards".
 */
export const RECOMMENDATIONS: Record<string, string> = {
  'buffer-growth':
    'Audio data is being kept: decoded chunks (Float32Array), AudioBuffers or Blobs that are never released. Drop played chunks and buffers (clear arrays and queues, revoke object URLs) once they have been played.',
  'process-memory-growth':
    "The renderer process keeps growing beyond what the heaps show: look for AudioBuffers, media elements, canvases or WebAssembly memory that are never released; compare the page's memory early and late in the run.",
  'cycle-leak':
    'Every start/stop leaves something open: on hang-up close the AudioContext (audioContext.close()), stop every MediaStreamTrack, close RTCPeerConnections and WebSockets, and remove the listeners the start added.',
  'heap-growth':
    'Memory leak pattern: check for retained references (listeners, closures, audio buffers, message logs) and implement cleanup; compare heap snapshots from early and late in the run.',
  'memory-limit':
    'Heap is over the memory warning threshold: check for retained references and implement cleanup; consider reconnecting (resetting state) after extended conversations.',
  'latency-growth':
    'Increasing message latencies: log warnings when latencies exceed thresholds and consider implementing automatic reconnection after extended conversations; profile the message handler for work that grows with conversation length.',
  'slow-first-response':
    'Slow replies: check what runs between speech end and the first audio (event queue, handler time, network); consider automatic reconnection after extended conversations.',
  'ttfr-growth':
    'Replies get slower as the conversation grows: look for per-turn state that accumulates (history, buffers) and consider automatic reconnection after extended conversations.',
  'response-timeouts':
    'Responses timed out: mark them interrupted after the response timeout (seed safeguard: 10 s) and recover (cancel, resend, or reconnect).',
  'audio-backlog':
    'Growing audio chunks: make sure audio chunks are cleaned up after processing; if accumulation continues, trigger automatic interruption (seed safeguard: cleanup at 100 chunks).',
  'ws-backpressure':
    'WebSocket buffer growth: monitor backpressure (bufferedAmount) and implement flow control; pause or drop mic audio while the socket is backed up.',
  'event-queue-growth':
    'Messages wait longer and longer to be handled: make the message handler cheaper or move work off the main thread; monitor the queue and apply backpressure.',
  'slow-event-processing':
    'A message took longer than the event processing timeout: log a warning with the detailed state (seed safeguard) and move heavy work out of the handler.',
  'dom-growth':
    'DOM nodes keep growing: remove transcript or message elements that are no longer shown (virtualize long lists) and check for detached nodes kept by references.',
  'listener-growth':
    'Event listeners keep growing: remove listeners when their element or turn ends (AbortController signals help) and avoid adding listeners per message.',
  'audio-gaps':
    'Reply audio has audible gaps: check playback scheduling and main-thread stalls (long tasks) during replies; buffer slightly ahead of playback.',
  errors:
    'Errors occurred: read the first error in the log and fix its cause; a server_error means the server failed, an app error names its source (client misuse of the protocol is counted apart, under client-protocol-errors).',
  interruptions: 'Unplanned interruptions (timeouts, cleanups): find which safeguard fired and why; each one cut a reply short.',
  crashes: 'The page crashed: check memory just before the crash and the browser log; a crash ends the soak early, so later findings are incomplete.',
  'sampling-gaps':
    'Samples are missing: the page main thread was blocked (CDP waits for the current task) or the sampler stalled; look for long tasks at that time.',
  'no-data-cdp': 'Run the soak under the harness with the CDP sampler enabled so heap, DOM and listener trends can be judged.',
  'no-data-heap': 'Enable the in-page monitor memory records (Chromium with --enable-precise-memory-info) or run under the harness with CDP sampling.',
  'no-data-dom': 'DOM node and listener counts come from CDP: run the soak under the harness to judge dom-growth and listener-growth.',
  'no-data-ws':
    'Install the WebSocket tap (the init-script wrapper) so bufferedAmount and frame counts are recorded; if the socket lives in a Web Worker, open it on the page (or post its state to the page) so the monitor can wrap it.',
  'no-data-monitor': 'Install the in-page Performance Monitor so message handler times, event queue size and audio chunk counts are recorded.',
  'no-data-turns':
    'No reply audio was seen: check that the conversation ran (start selector, fake mic), that the realtime server was reachable (the first close code and harness notes say why not) and that the tap decodes the realtime events.',
  'client-protocol-errors':
    'The client sends events the server rejects (e.g. response.cancel with no active response, response.create while one is active): track the active response from response.created to response.done and only cancel or create when the state allows it.',
  'run-complete':
    'The soak did not run to its end, so its trends cover only part of the conversation: see what cut it short (interrupted, timed out, crashed, page hung) and run it again; a partial run never counts as a pass.',
  'page-unresponsive':
    'The page stopped answering: its main thread was busy or hung. Profile the moment it began (a loop over a growing buffer, a synchronous decode, a handler that never returns) and keep handlers short; the harness stops the conversation when it happens.',
  'page-dialogs':
    'The page raised alert/confirm/prompt dialogs: a voice app should report failures in its UI, not in a modal that blocks the page; read the first dialog text, it is often a configuration error (endpoint, key).',
  'ws-in-worker':
    "The realtime socket lives in a Web Worker, out of the monitor's reach: to judge backpressure and turn timings, open the socket on the page, or load the monitor in the worker and post its records to the page.",
  'faults-applied':
    "An injected fault has no evidence it reached its side: check the fault spec (SOAK_FAULTS names and values), that the target forwards it (voice_soak_faults on the socket URL for the embedded app), and the fault record's reason; a faulted run without its fault proves nothing.",
  'remote-requests':
    'The app asked for non-loopback hosts that SOAK_LOOPBACK_ONLY blocked: redirect its realtime socket with SOAK_REDIRECT_WS, serve its other assets locally, or allow the host if the run is meant to reach it.',
  'socket-drops':
    "A socket closed mid-conversation without the script asking: check the server's close code and the network; make the app reconnect, resend what was in flight and replay the context, and tell the user.",
  'clock-jump':
    "The machine's wall clock was stepped during the run (NTP, a suspended VM, a manual change): the trends are on a monotonic clock and hold; align other tools' logs by the jump given, or keep the clock disciplined (slew, not step) on soak machines.",
  'message-latency': 'Message handler time is above the adaptive budget (baseline x factor): profile the handler late in the run against the warm-up.',
};
