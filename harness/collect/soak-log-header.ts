/**
 * The header a soak session's log starts with: the log schema version, who wrote it (voice-soak, TOOL_VERSION from
 * package.json), the target (its URL redacted), the thresholds and faults of the run, and how it ran (meta: mic,
 * script, monitor, realtime server, cycles, network, push-to-talk).
 */
import { TOOL_VERSION } from '../config/tool-identity.ts';
import { faultEntries } from '../log/fault-entries.ts';
import { LOG_SCHEMA_VERSION, type LogHeaderInput } from '../log/log-schema.ts';
import { describeNetwork } from '../setup/network-interfaces.ts';
import { DEFAULT_THRESHOLDS } from '../thresholds/thresholds-schema.ts';
import type { PreparedSoakRun } from './prepare-soak-run.ts';
import type { HarnessClock } from './recording/harness-clock.ts';
import { redactSecrets } from './redact/redact-secrets.ts';
import type { RealtimeTarget } from './resolve-realtime-target.ts';

export function soakLogHeader(
  run: PreparedSoakRun,
  realtime: Pick<RealtimeTarget, 'how' | 'wsUrl'>,
  clock: Pick<HarnessClock, 'startedAt'>,
  secrets: readonly string[],
): LogHeaderInput {
  const { options } = run;
  return {
    type: 'header',
    schemaVersion: LOG_SCHEMA_VERSION,
    tool: { name: 'voice-soak', version: TOOL_VERSION },
    source: 'harness',
    target: { url: redactSecrets(options.targetUrl, secrets), kind: options.embedded ? 'embedded' : 'external' },
    startedAt: clock.startedAt,
    sampleIntervalMs: options.sampleIntervalMs,
    thresholds: options.thresholds ?? DEFAULT_THRESHOLDS,
    faults: faultEntries(options.faults),
    meta: {
      test: run.testTitle,
      micMode: options.micMode,
      durationMs: String(options.durationMs),
      script: run.script.name,
      scriptPath: run.scriptPath,
      monitor: options.injectMonitor === false ? 'off' : 'injected',
      realtime: realtime.wsUrl ? `${realtime.how} ${realtime.wsUrl}` : realtime.how,
      cycles: String(run.cycles.count),
      ...(run.cycles.count > 1 ? { hangUp: options.stopSelector ? `click ${options.stopSelector}` : 'reload' } : {}),
      network: describeNetwork(options.loopbackOnly === true),
      protocol: options.protocol ?? 'realtime',
      ...(options.transport === 'webrtc' ? { transport: 'webrtc' } : {}),
      ...(options.pushToTalk ? { pushToTalk: options.pushToTalk.kind === 'key' ? `key:${options.pushToTalk.key}` : options.pushToTalk.selector } : {}),
    },
  };
}
