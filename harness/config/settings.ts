/**
 * loadSettings(): .env (dotenv, never overriding real environment variables) + process.env -> typed Settings.
 * Validation happens once, here; mistakes become one readable line per setting.
 */
import { existsSync } from 'node:fs';
import { config as loadDotenv } from 'dotenv';
import type { PushToTalk } from './push-to-talk.ts';
import { resolveSetupPath } from './resolve-setup-path.ts';
import type { StartStep } from './start-steps.ts';
import { settingsEnvSchema, type SettingsEnv } from './settings-schema.ts';
import { SettingsError } from './settings-error.ts';
import { THRESHOLD_ENV_VARS, thresholdsFromEnv } from '../thresholds/threshold-env-vars.ts';
import { ThresholdsError } from '../thresholds/thresholds-error.ts';

export interface Settings {
  durationMs: number;
  port: number;
  /** The app under test. */
  targetUrl: string;
  /** True when targetUrl is the embedded reference app served by `voice-soak serve`. */
  embedded: boolean;
  startSelector: string | undefined;
  /** SOAK_STOP_SELECTOR: the app's hang-up control (`#stop` on the embedded app); unset: hang up by reloading. */
  stopSelector: string | undefined;
  /** SOAK_CYCLES: conversations per run (start, talk, hang up); unset: the script's `cycles`. */
  cycles: number | undefined;
  redirectWs: string[];
  /**
   * SOAK_REDIRECT_SDP: URL patterns of the WebRTC SDP exchange (fetch/XHR) answered by the realtime server instead.
   * Unset with SOAK_TRANSPORT=webrtc and SOAK_TARGET_URL: the OpenAI Realtime API's call endpoints (DEFAULT_SDP_REDIRECT).
   */
  redirectSdp: string[];
  /** SOAK_EPHEMERAL_KEY_URL: URL patterns of the app's ephemeral-key request, answered with a fake key (ephemeral-key-stub.ts). */
  ephemeralKeyUrls: string[];
  /**
   * SOAK_REALTIME_URL: a realtime server the user runs (probed before the browser opens). Unset: the embedded
   * target's own server, or, for an external app with SOAK_REDIRECT_WS / SOAK_REALTIME_PORT, one the harness starts.
   */
  realtimeUrl: string | undefined;
  /** SOAK_REALTIME_PORT: start the embedded realtime server on this port (an app with a baked-in relay URL). */
  realtimePort: number | undefined;
  /** SOAK_REPLY_SCALE: reply length factor of an embedded realtime server the harness starts. */
  replyScale: number | undefined;
  startSteps: StartStep[];
  /** SOAK_SETUP, resolved against the working directory. */
  setupPath: string | undefined;
  pushToTalk: PushToTalk | undefined;
  loopbackOnly: boolean;
  /** SOAK_ISOLATE_NETWORK: the whole run inside a network namespace with only loopback (harness/setup/network-namespace.ts). */
  isolateNetwork: boolean;
  faults: string;
  dialect: 'ga' | 'beta';
  /** SOAK_TRANSPORT: how the embedded app talks to its server (`?transport=webrtc` on its URL). */
  transport: 'websocket' | 'webrtc';
  /**
   * SOAK_PROTOCOL: 'none' judges the run on the audio edges, memory, DOM and socket counters alone (an app that does
   * not speak the Realtime protocol); the analyzer also does so when it decodes no Realtime event at all.
   */
  protocol: 'realtime' | 'none';
  micMode: 'controllable' | 'device';
  micDir: string | undefined;
  scriptPath: string | undefined;
  sampleIntervalMs: number;
  outputDir: string;
  thresholdsFile: string | undefined;
  baseline: string | undefined;
  historyFile: string;
  headless: boolean;
  /** SOAK_HEAP_PROFILE: run the sampling heap profiler (heap-sites records, Likely sources). */
  heapProfile: boolean;
  /** SOAK_HEAP_SNAPSHOTS: two full heap snapshots and their diff (costly; off by default). */
  heapSnapshots: boolean;
  chromiumPath: string | undefined;
  apiKey: string | undefined;
  debug: boolean;
  /** The SOAK_THRESHOLD_* variables, passed on to the thresholds resolver. */
  thresholdEnv: Record<string, string>;
}

/** The OpenAI Realtime API's WebRTC call endpoints: the GA one and the older `/v1/realtime?model=...`. */
export const DEFAULT_SDP_REDIRECT = ['https://api.openai.com/v1/realtime/calls*', 'https://api.openai.com/v1/realtime?*'] as const;

/** Only the names we own; empty strings count as unset so `FOO=` in .env means "default". */
function pickOwnVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(settingsEnvSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  return picked;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv): Settings {
  const parsed = settingsEnvSchema.safeParse(pickOwnVariables(env));
  if (!parsed.success) throw SettingsError.fromZod(parsed.error, env);
  const s: SettingsEnv = parsed.data;
  if (s.SOAK_SETUP !== undefined && !existsSync(resolveSetupPath(s.SOAK_SETUP))) {
    throw new SettingsError([`SOAK_SETUP: ${s.SOAK_SETUP}: no such file (relative paths start at ${process.cwd()})`]);
  }
  const embeddedUrl = `http://127.0.0.1:${s.SOAK_PORT}/`;
  const thresholdEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('SOAK_THRESHOLD_') && value !== undefined && value !== '') thresholdEnv[key] = value;
  }
  checkThresholdEnv(thresholdEnv);
  return {
    durationMs: s.SOAK_DURATION,
    port: s.SOAK_PORT,
    targetUrl: s.SOAK_TARGET_URL ?? `${embeddedUrl}?dialect=${s.SOAK_DIALECT}${s.SOAK_TRANSPORT === 'webrtc' ? '&transport=webrtc' : ''}`,
    embedded: s.SOAK_TARGET_URL === undefined,
    startSelector: s.SOAK_START_SELECTOR ?? (s.SOAK_TARGET_URL === undefined ? '#start' : undefined),
    stopSelector: s.SOAK_STOP_SELECTOR ?? (s.SOAK_TARGET_URL === undefined ? '#stop' : undefined),
    cycles: s.SOAK_CYCLES,
    redirectWs: s.SOAK_REDIRECT_WS,
    redirectSdp: s.SOAK_REDIRECT_SDP ?? (s.SOAK_TRANSPORT === 'webrtc' && s.SOAK_TARGET_URL !== undefined ? [...DEFAULT_SDP_REDIRECT] : []),
    ephemeralKeyUrls: s.SOAK_EPHEMERAL_KEY_URL,
    realtimeUrl: s.SOAK_REALTIME_URL,
    realtimePort: s.SOAK_REALTIME_PORT,
    replyScale: s.SOAK_REPLY_SCALE,
    startSteps: s.SOAK_START_STEPS,
    setupPath: s.SOAK_SETUP === undefined ? undefined : resolveSetupPath(s.SOAK_SETUP),
    pushToTalk: s.SOAK_PUSH_TO_TALK,
    loopbackOnly: s.SOAK_LOOPBACK_ONLY,
    isolateNetwork: s.SOAK_ISOLATE_NETWORK,
    faults: s.SOAK_FAULTS,
    dialect: s.SOAK_DIALECT,
    transport: s.SOAK_TRANSPORT,
    protocol: s.SOAK_PROTOCOL,
    micMode: s.SOAK_MIC_MODE,
    micDir: s.SOAK_MIC_DIR,
    scriptPath: s.SOAK_SCRIPT,
    sampleIntervalMs: s.SOAK_SAMPLE_INTERVAL,
    outputDir: s.SOAK_OUTPUT_DIR,
    thresholdsFile: s.SOAK_THRESHOLDS_FILE,
    baseline: s.SOAK_BASELINE,
    historyFile: s.SOAK_HISTORY_FILE,
    headless: s.SOAK_HEADLESS,
    heapProfile: s.SOAK_HEAP_PROFILE,
    heapSnapshots: s.SOAK_HEAP_SNAPSHOTS,
    chromiumPath: s.CHROMIUM_PATH,
    apiKey: s.OPENAI_API_KEY,
    debug: s.SOAK_DEBUG,
    thresholdEnv,
  };
}

const THRESHOLD_NAMES = new Set(THRESHOLD_ENV_VARS.map((spec) => spec.envVar));

/**
 * SOAK_THRESHOLD_* values are checked here, at start (exit 78), not when the first report is judged (exit 2 after
 * a whole soak); an unknown SOAK_THRESHOLD_ name is a typo that would silently keep a default.
 */
function checkThresholdEnv(thresholdEnv: Record<string, string>): void {
  const problems: string[] = [];
  for (const name of Object.keys(thresholdEnv)) {
    if (!THRESHOLD_NAMES.has(name)) problems.push(`${name}: unknown threshold setting (expected one of: ${[...THRESHOLD_NAMES].join(', ')})`);
  }
  for (const spec of THRESHOLD_ENV_VARS) {
    if (thresholdEnv[spec.envVar] === undefined) continue;
    try {
      thresholdsFromEnv({ [spec.envVar]: thresholdEnv[spec.envVar] });
    } catch (error) {
      if (!(error instanceof ThresholdsError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length) throw new SettingsError(problems);
}

let loaded: { variables: string; settings: Settings } | undefined;

/** The values settingsFromEnv reads, as one string: the cache below is valid while it stays the same. */
function ownVariablesKey(env: NodeJS.ProcessEnv): string {
  const thresholds = Object.entries(env).filter(([key]) => key.startsWith('SOAK_THRESHOLD_'));
  return JSON.stringify([pickOwnVariables(env), thresholds]);
}

/**
 * Reads .env once (quietly), then validates. Later calls return the same object while the variables stay the same
 * (the Playwright config may set SOAK_PORT for the run: harness/setup/choose-embedded-port.ts).
 */
export function loadSettings(env: NodeJS.ProcessEnv = process.env, dotenvPath = '.env'): Settings {
  if (env !== process.env) return settingsFromEnv(env);
  if (!loaded) loadDotenv({ path: dotenvPath, quiet: true });
  const variables = ownVariablesKey(env);
  if (loaded?.variables !== variables) loaded = { variables, settings: settingsFromEnv(env) };
  return loaded.settings;
}
