/**
 * What one soak run needs (a plain object: fixtures fill it from Settings or test.use(), tests pass it directly).
 * Field meanings follow harness/config/settings.ts.
 */
import type { PushToTalk } from '../config/push-to-talk.ts';
import type { StartStep } from '../config/start-steps.ts';
import type { Thresholds } from '../thresholds/thresholds-schema.ts';

export interface SoakRunOptions {
  durationMs: number;
  targetUrl: string;
  embedded: boolean;
  startSelector: string | undefined;
  /** SOAK_STOP_SELECTOR: clicked to hang up between conversation cycles; unset: the page is reloaded instead. */
  stopSelector?: string;
  /** SOAK_CYCLES: conversations per run; unset: the script's `cycles` (conversation-cycles.ts). */
  cycles?: number;
  micMode: 'controllable' | 'device';
  micDir: string | undefined;
  scriptPath: string | undefined;
  faults: string;
  redirectWs: readonly string[];
  /** SOAK_REDIRECT_SDP: URL patterns of a WebRTC app's SDP exchange, answered by the realtime server (sdp-redirect.ts). */
  redirectSdp?: readonly string[];
  /** SOAK_EPHEMERAL_KEY_URL: URL patterns of the app's ephemeral-key request, answered with a fake key (ephemeral-key-stub.ts). */
  ephemeralKeyUrls?: readonly string[];
  /** An explicit realtime server (SOAK_REALTIME_URL); see resolve-realtime-target.ts for what happens without. */
  realtimeUrl?: string;
  /** Start the embedded realtime server on this port (SOAK_REALTIME_PORT), redirect or not. */
  realtimePort?: number;
  /** Reply length factor of an embedded realtime server the harness starts (SOAK_REPLY_SCALE). */
  replyScale?: number;
  /** SOAK_DIALECT=beta: a realtime server the harness starts answers beta to clients that do not say (a relay). */
  dialect?: 'ga' | 'beta';
  /** SOAK_TRANSPORT=webrtc: the app talks over a WebRTC call (the log says so: meta.transport; its WebRTC data is then required). */
  transport?: 'websocket' | 'webrtc';
  /** SOAK_START_STEPS, run after load (and after setupPath), before startSelector is clicked. */
  startSteps?: readonly StartStep[];
  /** SOAK_SETUP: a module run after load, before the start steps. */
  setupPath?: string;
  /** SOAK_PUSH_TO_TALK: held for the length of each utterance. */
  pushToTalk?: PushToTalk;
  /** SOAK_LOOPBACK_ONLY: abort (and log) every request and socket to a non-loopback host. */
  loopbackOnly?: boolean;
  /** SOAK_PROTOCOL: 'none' for an app that does not speak the Realtime protocol (the log header's meta.protocol). */
  protocol?: 'realtime' | 'none';
  /** Variables ${NAME} in start steps resolve from (the environment, .env included). */
  env?: Readonly<Record<string, string | undefined>>;
  sampleIntervalMs: number;
  outputDir: string;
  apiKey: string | undefined;
  thresholds?: Thresholds;
  /** Per-CDP-call timeout, ms. */
  cdpTimeoutMs?: number;
  /** Count frames with CDP Network as a cross-check of the monitor (costs a little per frame). */
  cdpNetworkCrossCheck?: boolean;
  /** Inject the in-page monitor bundle (default true). */
  injectMonitor?: boolean;
  /** Run the sampling heap profiler (SOAK_HEAP_PROFILE; unset: the setting, default on). */
  heapProfile?: boolean;
  /** Its mean sampling interval, bytes (default heap-profile-settings.ts). */
  heapProfileIntervalBytes?: number;
  /** Take two heap snapshots and diff them (SOAK_HEAP_SNAPSHOTS; unset: the setting, default off). */
  heapSnapshots?: boolean;
  /**
   * The browser is a Playwright server's (`use.connectOptions`, maybe on another machine): its process ids are not
   * this machine's, so the renderer's RSS and CPU time are not read from /proc (the CDP samples still are).
   */
  remoteBrowser?: boolean;
}
