/**
 * Every setting voice-soak reads from the environment (or .env), validated once at start (exit 78 on a mistake):
 * durations within bounds (SOAK_DURATION up to 24h, SOAK_SAMPLE_INTERVAL 100ms to 60s), SOAK_FAULTS names known
 * (fault-names.ts); SOAK_THRESHOLD_* variables are checked in settings.ts.
 * .env.example lists the same names with their defaults and meaning; keep the two in step
 * (tests/unit/config/env-example.test.ts checks it).
 */
import { z } from 'zod';
import { FAULT_NAMES, RENAMED_FAULTS, unknownFaultNames } from './fault-names.ts';
import { MAX_CYCLES } from './max-cycles.ts';
import { parseDuration } from './parse-duration.ts';
import { parsePushToTalk } from './push-to-talk.ts';
import { parseStartSteps } from './start-steps.ts';

const formatMs = (ms: number): string => (ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`);

/** A duration (7m, 90s, 1h30m, 500ms) within [minMs, maxMs]: an absurd value is a mistake, not a setting. */
const duration = (example: string, minMs: number, maxMs: number) =>
  z.string().transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === null) {
      ctx.addIssue({ code: 'custom', message: `expected a duration like ${example}, got "${text}"` });
      return z.NEVER;
    }
    if (ms < minMs || ms > maxMs) {
      ctx.addIssue({ code: 'custom', message: `expected a duration from ${formatMs(minMs)} to ${formatMs(maxMs)}, got "${text}"` });
      return z.NEVER;
    }
    return ms;
  });

const faults = z.string().superRefine((text, ctx) => {
  const unknown = unknownFaultNames(text);
  const renamed = unknown.find((name) => Object.hasOwn(RENAMED_FAULTS, name));
  if (renamed) {
    ctx.addIssue({ code: 'custom', message: `"${renamed}" is now called "${RENAMED_FAULTS[renamed]}", got "${text}"` });
  } else if (unknown.length) {
    ctx.addIssue({
      code: 'custom',
      message: `unknown fault ${unknown.map((name) => `"${name}"`).join(', ')} (expected NAME[=VALUE],... with NAME one of: ${FAULT_NAMES.join(', ')}), got "${text}"`,
    });
  }
});

const list = z.string().transform((text) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0),
);

const flag = z.enum(['0', '1', 'true', 'false', 'yes', 'no', '']).transform((v) => ['1', 'true', 'yes'].includes(v));

const port = z.string().transform((text, ctx) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    ctx.addIssue({ code: 'custom', message: `expected a TCP port from 1 to 65535, got "${text}"` });
    return z.NEVER;
  }
  return n;
});

/** A setting parsed by a function that throws one-line errors; `quoteInput` appends `, got "<text>"`. */
const parsedBy = <T>(parse: (text: string) => T, quoteInput: boolean) =>
  z.string().transform((text, ctx) => {
    try {
      return parse(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `${(error as Error).message}${quoteInput ? `, got "${text}"` : ''}` });
      return z.NEVER;
    }
  });

// Start-step errors quote the step already; push-to-talk errors do not.
const startSteps = parsedBy(parseStartSteps, false);
const pushToTalk = parsedBy(parsePushToTalk, true);

const replyScale = z.string().transform((text, ctx) => {
  const n = Number(text);
  if (!(n > 0 && n <= 10)) {
    ctx.addIssue({ code: 'custom', message: `expected a number in (0, 10], got "${text}"` });
    return z.NEVER;
  }
  return n;
});

/** SOAK_CYCLES: conversations per run, 1 (never hang up) to MAX_CYCLES. */
const cycles = z.string().transform((text, ctx) => {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > MAX_CYCLES) {
    ctx.addIssue({ code: 'custom', message: `expected a whole number of conversations from 1 to ${MAX_CYCLES}, got "${text}"` });
    return z.NEVER;
  }
  return n;
});

const url = z.string().refine((text) => URL.canParse(text), { message: 'expected an absolute URL like http://127.0.0.1:8787/' });

export const settingsEnvSchema = z.object({
  SOAK_DURATION: duration('7m or 90s', 1, 24 * 3_600_000).prefault('7m'),
  SOAK_PORT: port.prefault('8787'),
  SOAK_TARGET_URL: url.optional(),
  SOAK_START_SELECTOR: z.string().optional(),
  SOAK_STOP_SELECTOR: z.string().optional(),
  SOAK_CYCLES: cycles.optional(),
  SOAK_REDIRECT_WS: list.prefault(''),
  SOAK_REDIRECT_SDP: list.optional(),
  SOAK_EPHEMERAL_KEY_URL: list.prefault(''),
  SOAK_REALTIME_URL: url.optional(),
  SOAK_REALTIME_PORT: port.optional(),
  SOAK_REPLY_SCALE: replyScale.optional(),
  SOAK_START_STEPS: startSteps.prefault(''),
  SOAK_SETUP: z.string().optional(),
  SOAK_PUSH_TO_TALK: pushToTalk.optional(),
  SOAK_LOOPBACK_ONLY: flag.prefault('false'),
  SOAK_ISOLATE_NETWORK: flag.prefault('false'),
  SOAK_FAULTS: faults.default(''),
  SOAK_DIALECT: z.enum(['ga', 'beta']).default('ga'),
  SOAK_TRANSPORT: z.enum(['websocket', 'webrtc']).default('websocket'),
  SOAK_PROTOCOL: z.enum(['realtime', 'none']).default('realtime'),
  SOAK_MIC_MODE: z.enum(['controllable', 'device']).default('controllable'),
  SOAK_MIC_DIR: z.string().optional(),
  SOAK_SCRIPT: z.string().optional(),
  SOAK_SAMPLE_INTERVAL: duration('1s or 500ms', 100, 60_000).prefault('1s'),
  SOAK_OUTPUT_DIR: z.string().default('soak-runs'),
  SOAK_THRESHOLDS_FILE: z.string().optional(),
  SOAK_BASELINE: z.string().optional(),
  SOAK_HISTORY_FILE: z.string().default('soak-runs/soak-history.json'),
  SOAK_HEADLESS: flag.prefault('false'),
  SOAK_HEAP_PROFILE: flag.prefault('true'),
  SOAK_HEAP_SNAPSHOTS: flag.prefault('false'),
  CHROMIUM_PATH: z.string().optional(),
  OPENAI_API_KEY: z.string().optional(),
  SOAK_DEBUG: flag.prefault('false'),
});

export type SettingsEnv = z.infer<typeof settingsEnvSchema>;
