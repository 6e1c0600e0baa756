/**
 * `voice-soak/server`: the embedded realtime server and reference app (what `npx voice-soak serve` runs), for a
 * globalSetup or a script. From a playwright.config `webServer` entry, use `voice-soak serve` (voice-soak/config's
 * soakServer() writes that entry).
 */
export { startRealtimeServer, type RealtimeServer, type RealtimeServerOptions } from '../reference/server/start-realtime-server.ts';
export { faultCatalog } from '../reference/faults/fault-spec.ts';
