/**
 * Bytes a WebSocket sent that the server never reacted to: for each socket still open at its last sample, what it
 * sent since it last received a message, and for how long. When a server stops reading, the kernel and the
 * browser's network buffers absorb several MB before `bufferedAmount` rises (minutes at a microphone's 64 KB/s),
 * so a socket that keeps sending for longer than the response timeout after the user spoke, with no message back,
 * is backpressure the page cannot see yet. Silence alone proves nothing (a server says nothing to a silent mic):
 * only sockets where a harness turn started after the last message and at least `quietMs` before the end count.
 */
import type { CollectedData } from './collected-data.ts';

export interface UnansweredSends {
  socketId: string;
  bytes: number;
  silentMs: number;
  sinceMs: number;
}

export function unansweredSends(data: Pick<CollectedData, 'wsReplies' | 'turnStartsMs'>, quietMs: number): UnansweredSends | null {
  let worst: UnansweredSends | null = null;
  for (const [socketId, s] of data.wsReplies) {
    if (s.readyState !== 1) continue;
    if (!data.turnStartsMs.some((tMs) => tMs >= s.lastReceiveMs && tMs <= s.lastTMs - quietMs)) continue;
    const bytes = s.bytesSent - s.bytesSentAtLastReceive;
    if (!worst || bytes > worst.bytes) worst = { socketId, bytes, silentMs: s.lastTMs - s.lastReceiveMs, sinceMs: s.lastReceiveMs };
  }
  return worst;
}
