/**
 * Errors the server sent because the client misused the protocol (client-misuse-codes.ts). The tap (rt) and the app
 * (monitor error records) see the same frames, so the larger of the two tallies is used, never their sum.
 */
import type { AnalysisContext } from './analysis-context.ts';
import type { MisuseTally } from './collected-data.ts';

export function clientMisuseTally(ctx: AnalysisContext): MisuseTally {
  const { rt, monitor } = ctx.data.clientMisuse;
  return monitor.count > rt.count ? monitor : rt;
}
