/**
 * Wait until the app has an open realtime socket: window.voiceApp.state().connected when the app has it, else a
 * monitor `ws` record with readyState 1 (OPEN) at or after sinceMs. Returns false after timeoutMs.
 */
import type { Page } from '@playwright/test';
import type { LogRecord } from '../../log/log-schema.ts';
import { quietEvaluate } from '../browser-calls/quiet-evaluate.ts';

export async function waitForConnection(page: Page, records: () => readonly LogRecord[], timeoutMs: number, sinceMs = 0): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  // A planned reconnect closes first: give the old socket a moment to report it.
  if (sinceMs > 0) await new Promise((resolve) => setTimeout(resolve, 300));
  while (Date.now() < deadline && !page.isClosed()) {
    const appConnected = await quietEvaluate(page, () => {
      const app = (globalThis as { voiceApp?: { state?: () => { connected?: boolean } } }).voiceApp;
      return typeof app?.state === 'function' ? app.state().connected === true : null;
    }).catch(() => null);
    if (appConnected === true) return true;
    // A WebSocket, or a WebRTC call's data channel (dc), open since sinceMs.
    if (appConnected === null && records().some((r) => (r.type === 'ws' || r.type === 'dc') && r.readyState === 1 && r.tMs >= sinceMs)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
