/**
 * page-unresponsive: the page's main thread stopped answering CDP (a busy loop, a hung handler) for longer than
 * maxUnresponsiveMs (harness 'unresponsive' records from the sampler). A run whose page hung is never a pass: the
 * finding says when it began and whether it ever answered again, so a hung page is not reported minutes later as a
 * test timeout with a mild sampling warning. One slow handler (the seed's 5 s event-processing timeout) stays
 * below the default 10 s budget. Harness logs only (a page log cannot see its own main thread stop).
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import type { Audit } from './audit.ts';

export const pageUnresponsiveAudit: Audit = {
  id: 'page-unresponsive',
  title: 'The page kept responding',
  failureTitle: 'The page stopped responding',
  requires: ['harness'],
  recommendation:
    'The page stopped answering: its main thread was busy or hung. Profile the moment it began (a loop over a growing buffer, a synchronous decode, a handler that never returns) and keep handlers short; the harness stops the conversation when it happens.',
  judge: judgePageUnresponsive,
};

function judgePageUnresponsive(ctx: AnalysisContext): Check | null {
  const { data, thresholds, durationMs } = ctx;
  if (data.header.source !== 'harness') return null;
  const budget = thresholds.maxUnresponsiveMs;
  const episodes = data.unresponsive.map((e) => ({ ...e, forMs: e.ended ? e.forMs : Math.max(e.forMs, durationMs - e.sinceMs) }));
  const over = episodes.filter((e) => e.forMs > budget);
  const first = over[0] ?? null;
  const longestMs = Math.max(0, ...episodes.map((e) => e.forMs));
  const s = (ms: number) => formatNumber(ms / 1000);
  return makeCheck({
    id: 'page-unresponsive',
    level: 'error',
    title: 'The page stopped responding',
    expected: budget,
    actual: longestMs,
    operator: '<=',
    unit: 'ms',
    passed: first === null,
    message:
      first === null
        ? `page-unresponsive: the page always answered within ${s(budget)} s`
        : `page-unresponsive: the page stopped responding at ${s(first.sinceMs)} s and ${first.ended ? `answered again only after ${s(first.forMs)} s` : `never answered again (${s(first.forMs)} s, to the end of the run)`} > ${s(budget)} s (a busy or hung main thread; ${over.length} episode(s))`,
    evidence: { episodes: over.length, firstSinceMs: first?.sinceMs ?? null, longestMs, answeredAgain: first?.ended ?? null },
    window: first === null ? null : { fromMs: first.sinceMs, toMs: first.sinceMs + first.forMs },
  });
}
