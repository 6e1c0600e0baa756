/**
 * What to do about each finding, from the seed's "Common Patterns and Solutions" and "Automatic Safeguards".
 */
export const RECOMMENDATIONS: Record<string, string> = {
  'heap-growth': 'Memory leak pattern: check for retained references (listeners, closures, audio buffers, message logs) and implement cleanup; compare heap snapshots from early and late in the run.',
  'memory-limit': 'Heap is over the memory warning threshold: check for retained references and implement cleanup; consider reconnecting (resetting state) after extended conversations.',
  'latency-growth': 'Increasing message latencies: log warnings when latencies exceed thresholds and consider implementing automatic reconnection after extended conversations; profile the message handler for work that grows with conversation length.',
  'slow-first-response': 'Slow replies: check what runs between speech end and the first audio (event queue, handler time, network); consider automatic reconnection after extended conversations.',
  'ttfr-growth': 'Replies get slower as the conversation grows: look for per-turn state that accumulates (history, buffers) and consider automatic reconnection after extended conversations.',
  'response-timeouts': 'Responses timed out: mark them interrupted after the response timeout (seed safeguard: 10 s) and recover (cancel, resend, or reconnect).',
  'audio-backlog': 'Growing audio chunks: make sure audio chunks are cleaned up after processing; if accumulation continues, trigger automatic interruption (seed safeguard: cleanup at 100 chunks).',
  'ws-backpressure': 'WebSocket buffer growth: monitor backpressure (bufferedAmount) and implement flow control; pause or drop mic audio while the socket is backed up.',
  'event-queue-growth': 'Messages wait longer and longer to be handled: make the message handler cheaper or move work off the main thread; monitor the queue and apply backpressure.',
  'slow-event-processing': 'A message took longer than the event processing timeout: log a warning with the detailed state (seed safeguard) and move heavy work out of the handler.',
  'dom-growth': 'DOM nodes keep growing: remove transcript or message elements that are no longer shown (virtualize long lists) and check for detached nodes kept by references.',
  'listener-growth': 'Event listeners keep growing: remove listeners when their element or turn ends (AbortController signals help) and avoid adding listeners per message.',
  'audio-gaps': 'Reply audio has audible gaps: check playback scheduling and main-thread stalls (long tasks) during replies; buffer slightly ahead of playback.',
  errors: 'Errors occurred: read the first error in the log and fix its cause; protocol errors usually mean malformed or out-of-order client events.',
  interruptions: 'Unplanned interruptions (timeouts, cleanups): find which safeguard fired and why; each one cut a reply short.',
  crashes: 'The page crashed: check memory just before the crash and the browser log; a crash ends the soak early, so later findings are incomplete.',
  'sampling-gaps': 'Samples are missing: the page main thread was blocked (CDP waits for the current task) or the sampler stalled; look for long tasks at that time.',
  'no-data-cdp': 'Run the soak under the harness with the CDP sampler enabled so heap, DOM and listener trends can be judged.',
  'no-data-heap': 'Enable the in-page monitor memory records (Chromium with --enable-precise-memory-info) or run under the harness with CDP sampling.',
  'no-data-dom': 'DOM node and listener counts come from CDP: run the soak under the harness to judge dom-growth and listener-growth.',
  'no-data-ws': 'Install the WebSocket tap (the init-script wrapper) so bufferedAmount and frame counts are recorded.',
  'no-data-monitor': 'Install the in-page Performance Monitor so message handler times, event queue size and audio chunk counts are recorded.',
  'no-data-turns': 'No reply audio was seen: check that the conversation ran (fake mic, server reachable) and that the tap decodes the realtime events.',
  'message-latency': 'Message handler time is above the adaptive budget (baseline x factor): profile the handler late in the run against the warm-up.',
};
