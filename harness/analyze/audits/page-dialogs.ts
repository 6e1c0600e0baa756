/**
 * page-dialogs: alert/confirm/prompt/beforeunload dialogs the page raised during the run (harness `dialog` records).
 * A voice app that raises a dialog mid-conversation is usually reporting a failure it could not show otherwise
 * ("Please enter an endpoint"), and a modal dialog blocks the page until the harness answers it. Harness logs only:
 * a page log cannot see dialogs, so it gets no assertion rather than a pass it did not measure.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import { quoteDetail } from '../judge/quote-detail.ts';
import type { Audit } from './audit.ts';

export const pageDialogsAudit: Audit = {
  id: 'page-dialogs',
  title: 'The page raised no dialog',
  failureTitle: 'The page raised dialogs',
  requires: ['harness'],
  recommendation:
    'The page raised alert/confirm/prompt dialogs: a voice app should report failures in its UI, not in a modal that blocks the page; read the first dialog text, it is often a configuration error (endpoint, key).',
  judge: judgePageDialogs,
};

function judgePageDialogs(ctx: AnalysisContext): Check | null {
  const { header, dialogs } = ctx.data;
  if (header.source !== 'harness') return null;
  const { count, first } = dialogs;
  return makeCheck({
    id: 'page-dialogs',
    level: 'warn',
    title: 'The page raised dialogs',
    expected: 0,
    actual: count,
    operator: '<=',
    unit: 'dialogs',
    passed: count === 0,
    message:
      first === null
        ? 'page-dialogs: the page raised no dialog'
        : `page-dialogs: the page raised ${count} dialog(s); first at ${formatNumber(first.tMs / 1000)} s: ${first.dialogType} ${quoteDetail(first.message)} (${first.action})`,
    evidence: { dialogs: count, firstType: first?.dialogType ?? null, firstAction: first?.action ?? null },
    window: first === null ? null : { fromMs: first.tMs, toMs: first.tMs },
  });
}
