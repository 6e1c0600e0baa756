/**
 * The one place where the app meets the in-page Performance Monitor (loaded separately, maybe never).
 * App -> monitor: calls `globalThis.voiceSoakMonitor?.record*()` when a monitor is present; a throwing monitor never
 * breaks the app. Monitor -> app: `globalThis.voiceSoakAppHooks`, which the monitor's safeguards call
 * (audio chunk cleanup above 100 pending, response timeout marks the response interrupted).
 */
export interface VoiceSoakMonitor {
  recordAudioChunk?(processingMs: number, pendingChunks: number): void;
  recordPlayback?(pendingChunks: number, underrun: boolean): void;
  recordInterruption?(reason: string, responseId?: string): void;
  recordError?(source: string, message: string, code?: string): void;
  mark?(name: string, detail?: string): void;
}

export interface VoiceSoakAppHooks {
  /** Drops chunks that already finished playing from the playback queue; returns how many were dropped. */
  cleanupAudioChunks(): number;
  /** Stops reply playback and cancels/truncates the active response, recorded as an interruption. */
  interruptResponse(reason: string): void;
  getState(): Record<string, unknown>;
}

interface MonitorGlobals {
  voiceSoakMonitor?: VoiceSoakMonitor;
  voiceSoakAppHooks?: VoiceSoakAppHooks;
}

const globals = globalThis as typeof globalThis & MonitorGlobals;

function call(method: keyof VoiceSoakMonitor, args: unknown[]): void {
  const monitor = globals.voiceSoakMonitor;
  const fn = monitor?.[method] as ((...a: unknown[]) => void) | undefined;
  if (typeof fn !== 'function') return;
  try {
    fn.apply(monitor, args);
  } catch (error) {
    console.warn(`voice app: voiceSoakMonitor.${method} threw: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export const monitor = {
  audioChunk: (processingMs: number, pendingChunks: number) => call('recordAudioChunk', [processingMs, pendingChunks]),
  playback: (pendingChunks: number, underrun: boolean) => call('recordPlayback', [pendingChunks, underrun]),
  interruption: (reason: string, responseId?: string) => call('recordInterruption', [reason, responseId]),
  error: (source: string, message: string, code?: string) => call('recordError', [source, message, code]),
  /** The report's faults-applied check reads these: direct evidence that an app-side fault is in effect. */
  faultApplied: (spec: string) => call('mark', ['fault-applied', spec]),
};

export function installAppHooks(hooks: VoiceSoakAppHooks): void {
  globals.voiceSoakAppHooks = hooks;
}
