/**
 * In-page traffic generators for bench/monitor-overhead.ts. Messages are dispatched as MessageEvents on a real
 * (open, silent) WebSocket, so the monitor's arrival listener, handler wrapper and frame decoder all run exactly
 * as for network frames, without the network. Time is the page's fake clock (window.fakeMs) when compressed.
 */
import type { Page } from '@playwright/test';

interface BenchWindow {
  fakeMs: number;
  benchMessages?: number;
  benchWs?: WebSocket;
  voiceSoakMonitor?: {
    tick(): void;
    recordAudioChunk(processingMs: number, pending: number): void;
    recordPlayback(pending: number, underrun: boolean): void;
    stats(): { records: number };
  };
}

/** Mean cost of dispatching one 4.8 KB audio-delta frame to a counting handler, ns. */
export async function dispatchLoop(page: Page, messages: number): Promise<number> {
  return page.evaluate((n) => {
    const ws = new WebSocket(`ws://${location.host}/`);
    let handled = 0;
    ws.onmessage = () => {
      handled += 1;
    };
    const data = JSON.stringify({ type: 'response.output_audio.delta', response_id: 'resp_1', item_id: 'i', delta: 'A'.repeat(6400) });
    const start = performance.now();
    for (let i = 0; i < n; i += 1) ws.dispatchEvent(new MessageEvent('message', { data }));
    const elapsedMs = performance.now() - start;
    ws.close();
    if (handled !== n) throw new Error(`dispatchLoop: handled ${handled} of ${n}`);
    return (elapsedMs * 1e6) / n;
  }, messages);
}

/**
 * Advances the fake clock to untilMs in 20 ms steps: a 5 s turn (speech stopped, committed, response created,
 * 100 audio deltas with an audio-chunk and a playback call each, response done), a monitor tick every second.
 */
export async function driveSyntheticHours(page: Page, untilMs: number, deltaBase64: string): Promise<{ records: number; messages: number }> {
  return page.evaluate(
    async ({ until, delta }) => {
      const w = window as unknown as BenchWindow;
      if (!w.benchWs) {
        w.benchWs = new WebSocket(`ws://${location.host}/`);
        w.benchWs.onmessage = (event) => {
          JSON.parse(event.data as string);
        };
        await new Promise((resolve) => w.benchWs!.addEventListener('open', resolve, { once: true }));
      }
      const ws = w.benchWs;
      const monitor = w.voiceSoakMonitor;
      w.benchMessages ??= 0;
      let deltaFrame = '';
      while (w.fakeMs < until) {
        const step = Math.floor(w.fakeMs / 20) % 250;
        const turn = Math.floor(w.fakeMs / 5000);
        let data: string | null = null;
        if (step === 0) data = JSON.stringify({ type: 'input_audio_buffer.speech_stopped', item_id: `item_${turn}` });
        else if (step === 1) data = JSON.stringify({ type: 'input_audio_buffer.committed', item_id: `item_${turn}` });
        else if (step === 2) {
          data = JSON.stringify({ type: 'response.created', response: { id: `resp_${turn}`, status: 'in_progress' } });
          deltaFrame = JSON.stringify({ type: 'response.output_audio.delta', response_id: `resp_${turn}`, item_id: `item_${turn}`, delta });
        } else if (step >= 10 && step < 110) data = deltaFrame;
        else if (step === 110) data = JSON.stringify({ type: 'response.done', response: { id: `resp_${turn}`, status: 'completed' } });
        if (data !== null) {
          ws.dispatchEvent(new MessageEvent('message', { data }));
          w.benchMessages += 1;
        }
        if (step >= 10 && step < 110) {
          monitor?.recordAudioChunk(0.4, 3);
          monitor?.recordPlayback(2, false);
        }
        w.fakeMs += 20;
        if (w.fakeMs % 1000 === 0) monitor?.tick();
      }
      return { records: monitor ? monitor.stats().records : 0, messages: w.benchMessages };
    },
    { until: untilMs, delta: deltaBase64 },
  );
}
