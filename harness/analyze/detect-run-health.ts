/**
 * errors, interruptions (unplanned ones), crashes and sampling-gaps: counts against their budgets. Errors the server
 * sent because the client misused the protocol are not errors here (client-protocol-errors judges them).
 */
import type { AnalysisContext } from './analysis-context.ts';
import { makeCheck, type Check } from './check.ts';
import { clientMisuseTally } from './detect-client-protocol-errors.ts';
import { formatNumber } from './format-number.ts';

export function totalErrors(ctx: AnalysisContext): number {
  const { errors, crashes } = ctx.data;
  return errors.monitor + errors.protocol + crashes.count;
}

export function detectRunHealth(ctx: AnalysisContext): Check[] {
  const { data, thresholds } = ctx;
  const errorCount = totalErrors(ctx);
  const checks: Check[] = [];
  checks.push(
    makeCheck({
      id: 'errors',
      level: 'error',
      title: 'Errors during the run',
      expected: thresholds.maxErrors,
      actual: errorCount,
      operator: '<=',
      passed: errorCount <= thresholds.maxErrors,
      message: `errors: ${errorCount} error(s) ${errorCount <= thresholds.maxErrors ? '<=' : '>'} ${thresholds.maxErrors}${data.errors.firstMessage ? ` (first at ${formatNumber((data.errors.firstAtMs ?? 0) / 1000)} s: ${data.errors.firstMessage.slice(0, 120)})` : ''}`,
      evidence: {
        monitorErrors: data.errors.monitor,
        protocolErrors: data.errors.protocol,
        crashes: data.crashes.count,
        clientProtocolErrors: clientMisuseTally(ctx).count,
      },
      window: data.errors.firstAtMs === null ? null : { fromMs: data.errors.firstAtMs, toMs: data.errors.firstAtMs },
    }),
  );
  const unplanned = data.interruptions.unplanned;
  checks.push(
    makeCheck({
      id: 'interruptions',
      level: 'warn',
      title: 'Unplanned interruptions',
      expected: thresholds.maxUnplannedInterruptions,
      actual: unplanned,
      operator: '<=',
      passed: unplanned <= thresholds.maxUnplannedInterruptions,
      message: `interruptions: ${unplanned} unplanned interruption(s) ${unplanned <= thresholds.maxUnplannedInterruptions ? '<=' : '>'} ${thresholds.maxUnplannedInterruptions} (${data.interruptions.total} in all; reasons: ${[...data.interruptions.reasons].map(([r, n]) => `${r} ${n}`).join(', ') || 'none'})`,
      evidence: { unplanned, total: data.interruptions.total, cancelledResponses: data.interruptions.cancelledResponses },
    }),
  );
  checks.push(
    makeCheck({
      id: 'crashes',
      level: 'error',
      title: 'Page crashed',
      expected: 0,
      actual: data.crashes.count,
      operator: '<=',
      passed: data.crashes.count === 0,
      message:
        data.crashes.count === 0
          ? 'crashes: none'
          : `crashes: the page crashed ${data.crashes.count} time(s), first at ${formatNumber((data.crashes.firstAtMs ?? 0) / 1000)} s${data.crashes.detail ? ` (${data.crashes.detail})` : ''}`,
      evidence: { crashes: data.crashes.count },
      window: data.crashes.firstAtMs === null ? null : { fromMs: data.crashes.firstAtMs, toMs: ctx.durationMs },
    }),
  );
  if (data.cdp.heapUsedBytes.tMs.length >= 2) {
    const { maxMs, overBudget, maxAtMs, timeouts } = data.sampleGaps;
    const passed = (maxMs ?? 0) <= thresholds.maxSampleGapMs;
    checks.push(
      makeCheck({
        id: 'sampling-gaps',
        level: 'warn',
        title: 'Gaps between samples',
        expected: thresholds.maxSampleGapMs,
        actual: maxMs,
        operator: '<=',
        passed,
        message: `sampling-gaps: longest gap between CDP samples ${formatNumber(maxMs)} ms ${passed ? '<=' : '>'} ${formatNumber(thresholds.maxSampleGapMs)} ms (${overBudget} gap(s) over budget, ${timeouts} sample timeout(s))`,
        evidence: { maxGapMs: maxMs, gapsOverBudget: overBudget, sampleTimeouts: timeouts },
        window: maxAtMs === null || maxMs === null ? null : { fromMs: maxAtMs, toMs: maxAtMs + maxMs },
      }),
    );
  }
  return checks;
}
