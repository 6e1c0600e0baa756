/**
 * Entry of the child process that server-child.ts forks: starts the embedded server with the options in
 * VOICE_SOAK_CHILD_SERVER_OPTIONS (JSON) and answers 'memory' requests over IPC, so a test measures the server's own
 * memory (rss, peak rss, heap after a gc) apart from its clients'.
 */
import { startRealtimeServer } from '../../../reference/server/start-realtime-server.ts';

const options = JSON.parse(process.env.VOICE_SOAK_CHILD_SERVER_OPTIONS ?? '{}') as Record<string, unknown>;
const logs: string[] = [];
const server = await startRealtimeServer({ appDir: false, replyScale: 0.15, baseLatencyMs: 50, ...options, log: (line) => logs.push(line) });
const gc = (globalThis as { gc?: () => void }).gc;

process.on('message', (message: { id: number; kind: 'memory' | 'logs'; gc?: boolean }) => {
  if (message.kind === 'logs') return process.send?.({ id: message.id, logs: logs.splice(0) });
  if (message.gc && gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  process.send?.({
    id: message.id,
    memory: {
      rss: m.rss,
      heapUsed: m.heapUsed,
      external: m.external,
      arrayBuffers: m.arrayBuffers,
      maxRss: process.resourceUsage().maxRSS * 1024,
      gcExposed: Boolean(gc),
    },
  });
});
process.on('disconnect', () => void server.close().finally(() => process.exit(0)));
process.send?.({ ready: true, wsUrl: server.wsUrl });
