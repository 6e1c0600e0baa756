/** Test helpers: a Node `ws` client that records every server event, and readers for the fake-mic WAVs. */
import { readFileSync } from 'node:fs';
import { WebSocket } from 'ws';
import { readWav } from '../../../harness/collect/mic/read-wav.ts';

export interface ServerEvent {
  type: string;
  event_id: string;
  // biome-ignore lint/suspicious/noExplicitAny: server events are JSON the specs reach into by path (e.response.output[0].id) right after matching the type; typing every event shape under noUncheckedIndexedAccess would put `!` on each step of those paths across the reference-server specs without checking anything their assertions don't already
  [field: string]: any;
}

export class RealtimeTestClient {
  readonly events: ServerEvent[] = [];
  readonly receivedAtMs: number[] = [];
  closeCode: number | null = null;
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.events.push(JSON.parse(String(data)) as ServerEvent);
      this.receivedAtMs.push(performance.now());
      this.notify();
    });
    ws.on('close', (code) => {
      this.closeCode = code;
      this.notify();
    });
  }

  static async connect(url: string, protocols?: string[], headers?: Record<string, string>): Promise<RealtimeTestClient> {
    const ws = new WebSocket(url, protocols, { headers });
    const client = new RealtimeTestClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    await client.waitFor((e) => e.type === 'session.created');
    return client;
  }

  send(event: Record<string, unknown>): void {
    this.ws.send(JSON.stringify(event));
  }

  sendRaw(text: string): void {
    this.ws.send(text);
  }

  /** Sends pcm16 samples as appends of `chunkMs` each (as fast as possible). */
  appendAudio(pcm: Int16Array, chunkMs = 100): void {
    const chunk = (24000 * chunkMs) / 1000;
    for (let i = 0; i < pcm.length; i += chunk) {
      const part = pcm.subarray(i, i + chunk);
      this.send({ type: 'input_audio_buffer.append', audio: Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('base64') });
    }
  }

  ofType(type: string): ServerEvent[] {
    return this.events.filter((e) => e.type === type);
  }

  /** Resolves with the first event (after index `from`) matching; rejects after timeoutMs. */
  waitFor(match: (e: ServerEvent) => boolean, timeoutMs = 8000, from = 0): Promise<ServerEvent> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.events.slice(from).find(match);
        if (found) resolve(found);
        return Boolean(found);
      };
      if (check()) return;
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(
          new Error(
            `timed out after ${timeoutMs} ms; last events: ${this.events
              .slice(-5)
              .map((e) => e.type)
              .join(', ')}`,
          ),
        );
      }, timeoutMs);
      const waiter = (): void => {
        if (check()) {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== waiter);
        }
      };
      this.waiters.push(waiter);
    });
  }

  /** Sends an event and waits for the next event of `type` (or an error) that arrives after it. */
  async request(event: Record<string, unknown>, type: string, timeoutMs = 5000): Promise<ServerEvent> {
    const from = this.events.length;
    this.send(event);
    return this.waitFor((e) => e.type === type || e.type === 'error', timeoutMs, from);
  }

  waitClose(timeoutMs = 5000): Promise<number> {
    return new Promise((resolve, reject) => {
      if (this.closeCode !== null) return resolve(this.closeCode);
      const timer = setTimeout(() => reject(new Error('socket did not close')), timeoutMs);
      this.ws.once('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  close(): void {
    this.ws.terminate();
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }
}

/** Samples of a committed utterance WAV (24 kHz mono pcm16), read by the harness' WAV reader. */
export function readWavPcm16(path: string): Int16Array {
  const wav = readWav(readFileSync(path), path);
  if (wav.sampleRate !== 24000) throw new Error(`${path}: expected 24 kHz, got ${wav.sampleRate} Hz`);
  return wav.samples;
}

export const utterancePath = (id: string): string => new URL(`../../../harness/collect/mic/utterances/${id}.wav`, import.meta.url).pathname;

export function silence(ms: number): Int16Array {
  return new Int16Array((24000 * ms) / 1000);
}

export function concatPcm(...parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function decodeDelta(base64: string): Int16Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
