/** The soak fixtures pointed at an embedded realtime server started by the test worker (port 0; replies scaled by serverReplyScale). */
import { startRealtimeServer, type RealtimeServer } from '../../../reference/server/start-realtime-server.ts';
import { test as soakTest } from '../../../fixtures/soak-fixtures.ts';

export const test = soakTest.extend<object, { server: RealtimeServer; serverReplyScale: number }>({
  serverReplyScale: [0.25, { option: true, scope: 'worker' }],
  server: [
    async ({ serverReplyScale }, use) => {
      const server = await startRealtimeServer({ port: 0, replyScale: serverReplyScale });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  targetUrl: async ({ server }, use) => use(server.httpUrl),
});

export { expect } from '@playwright/test';
