/** Errors of the run: app errors, protocol errors (client misuse excluded) and crashes. */
import type { AnalysisContext } from './analysis-context.ts';

export function totalErrors(ctx: AnalysisContext): number {
  const { errors, crashes } = ctx.data;
  return errors.monitor + errors.protocol + crashes.count;
}
