/**
 * An audit: one finding id, its meta (titles, the collected inputs it needs, what to do when it fails) and a judge
 * over the analysis context. The judge returns the check for its id, a no-data check in its place (an id listed in
 * noData) when its input is missing, or null when the log has nothing for it to judge (no assertion).
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import type { Check } from '../judge/check.ts';

/** Collected inputs: CDP samples, the WebSocket tap, measured turns, the in-page monitor, harness-only records. */
export type AuditInput = 'cdp' | 'ws' | 'turns' | 'monitor' | 'harness';

export interface Audit {
  id: string;
  title: string;
  failureTitle: string;
  requires: readonly AuditInput[];
  recommendation: string;
  /** No-data ids the judge may return instead of its own, with their recommendations. */
  noData?: Readonly<Record<string, string>>;
  judge(ctx: AnalysisContext): Check | null;
}
