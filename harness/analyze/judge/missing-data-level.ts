/**
 * How bad a missing input is. A harness soak run exists to measure: when it recorded no WebSocket or no answered
 * turn, nothing about the conversation can be judged, so the run fails. A page log (the monitor's Download Logs) may
 * simply be a page where nothing happened yet: a warning. The in-page monitor's records are required only when the
 * harness says it injected the monitor (header.meta.monitor === 'injected'); 'off' or no key warns as before.
 */
import type { Assertion } from '../report/report-schema.ts';
import type { LogHeader } from '../../log/log-schema.ts';

export type MissingInput = 'ws' | 'turns' | 'monitor';

export function missingDataLevel(header: Pick<LogHeader, 'source' | 'meta'>, input: MissingInput): Assertion['level'] {
  if (header.source !== 'harness') return 'warn';
  if (input === 'monitor') return header.meta?.monitor === 'injected' ? 'error' : 'warn';
  return 'error';
}
