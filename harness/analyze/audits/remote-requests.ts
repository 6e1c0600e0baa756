/**
 * remote-requests: requests to non-loopback hosts that SOAK_LOOPBACK_ONLY aborted (harness `blocked` records). The
 * run stayed on the machine, but the app wanted something it did not get (an API, a CDN script, telemetry), so it may
 * have behaved differently than it would for a user. Harness logs only (the guard is the harness's).
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { clipDetail } from '../judge/quote-detail.ts';
import type { Audit } from './audit.ts';

export const remoteRequestsAudit: Audit = {
  id: 'remote-requests',
  title: 'No request to a remote host was blocked',
  failureTitle: 'Requests to remote hosts were blocked',
  requires: ['harness'],
  recommendation:
    'The app asked for non-loopback hosts that SOAK_LOOPBACK_ONLY blocked: redirect its realtime socket with SOAK_REDIRECT_WS, serve its other assets locally, or allow the host if the run is meant to reach it.',
  judge: judgeRemoteRequests,
};

function judgeRemoteRequests(ctx: AnalysisContext): Check | null {
  const { header, blocked } = ctx.data;
  if (header.source !== 'harness') return null;
  const { count, first } = blocked;
  return makeCheck({
    id: 'remote-requests',
    level: 'warn',
    title: 'Requests to remote hosts were blocked',
    expected: 0,
    actual: count,
    operator: '<=',
    unit: 'requests',
    passed: count === 0,
    message:
      first === null
        ? 'remote-requests: no request to a non-loopback host was blocked'
        : `remote-requests: ${count} request(s) to non-loopback hosts were blocked by SOAK_LOOPBACK_ONLY; first: ${first.channel} ${clipDetail(first.url, 160)}`,
    evidence: { blocked: count, firstChannel: first?.channel ?? null },
    window: first === null ? null : { fromMs: first.tMs, toMs: first.tMs },
  });
}
