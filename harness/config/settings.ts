/**
 * loadSettings(): .env (dotenv, never overriding real environment variables) + process.env -> typed Settings.
 * Validation happens once, here; mistakes become one readable line per setting.
 */
import { config as loadDotenv } from 'dotenv';
import { settingsEnvSchema, type SettingsEnv } from './settings-schema.ts';
import { SettingsError } from './settings-error.ts';

export interface Settings {
  durationMs: number;
  port: number;
  /** The app under test. */
  targetUrl: string;
  /** True when targetUrl is the embedded reference app served by `voice-soak serve`. */
  embedded: boolean;
  startSelector: string | undefined;
  redirectWs: string[];
  /** Where redirected sockets go: the embedded realtime server unless SOAK_REALTIME_URL says otherwise. */
  realtimeUrl: string;
  faults: string;
  dialect: 'ga' | 'beta';
  micMode: 'controllable' | 'device';
  micDir: string | undefined;
  scriptPath: string | undefined;
  sampleIntervalMs: number;
  outputDir: string;
  thresholdsFile: string | undefined;
  baseline: string | undefined;
  historyFile: string;
  headless: boolean;
  chromiumPath: string | undefined;
  apiKey: string | undefined;
  debug: boolean;
  /** The SOAK_THRESHOLD_* variables, passed on to the thresholds resolver. */
  thresholdEnv: Record<string, string>;
}

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
  const embeddedUrl = `http://127.0.0.1:${s.SOAK_PORT}/`;
  const thresholdEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('SOAK_THRESHOLD_') && value !== undefined && value !== '') thresholdEnv[key] = value;
  }
  return {
    durationMs: s.SOAK_DURATION,
    port: s.SOAK_PORT,
    targetUrl: s.SOAK_TARGET_URL ?? `${embeddedUrl}?dialect=${s.SOAK_DIALECT}`,
    embedded: s.SOAK_TARGET_URL === undefined,
    startSelector: s.SOAK_START_SELECTOR ?? (s.SOAK_TARGET_URL === undefined ? '#start' : undefined),
    redirectWs: s.SOAK_REDIRECT_WS,
    realtimeUrl: s.SOAK_REALTIME_URL ?? `ws://127.0.0.1:${s.SOAK_PORT}/v1/realtime`,
    faults: s.SOAK_FAULTS,
    dialect: s.SOAK_DIALECT,
    micMode: s.SOAK_MIC_MODE,
    micDir: s.SOAK_MIC_DIR,
    scriptPath: s.SOAK_SCRIPT,
    sampleIntervalMs: s.SOAK_SAMPLE_INTERVAL,
    outputDir: s.SOAK_OUTPUT_DIR,
    thresholdsFile: s.SOAK_THRESHOLDS_FILE,
    baseline: s.SOAK_BASELINE,
    historyFile: s.SOAK_HISTORY_FILE,
    headless: s.SOAK_HEADLESS,
    chromiumPath: s.CHROMIUM_PATH,
    apiKey: s.OPENAI_API_KEY,
    debug: s.SOAK_DEBUG,
    thresholdEnv,
  };
}

let loaded: Settings | undefined;

/** Reads .env once (quietly), then validates. Later calls return the same object. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env, dotenvPath = '.env'): Settings {
  if (loaded && env === process.env) return loaded;
  if (env === process.env) loadDotenv({ path: dotenvPath, quiet: true });
  const settings = settingsFromEnv(env);
  if (env === process.env) loaded = settings;
  return settings;
}
