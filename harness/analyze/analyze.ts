/**
 * The analyzer: one pure function over one log format. Runs in Node (CLI, fixtures, reporter) and in the page
 * (the monitor's "Analyze Performance" button): no fs, no clock, no environment, no zod at runtime.
 *
 *   analyze(log, thresholds)                 whole log in memory
 *   createAnalyzer(header, thresholds)       streaming: add(record) for each record, then finish(warnings)
 *
 * Thresholds in effect: defaults < the log header's thresholds < the thresholds argument. Records are trusted:
 * validate them at the edge (harness/log/log-reader.ts) before they reach here.
 */
import { buildAnalysisContext } from './judge/analysis-context.ts';
import type { Check } from './judge/check.ts';
import { runAudits } from './audits/run-audits.ts';
import { collectRecord, createCollectedData } from './collect-record.ts';
import { buildSeries } from './build-series.ts';
import { computeMetrics } from './compute-metrics.ts';
import { edgesReport } from './edges-report.ts';
import { heapSiteGrowth } from './heap-site-growth.ts';
import { attachLikelySources } from './likely-sources.ts';
import { attachSnapshotSources } from './snapshot-likely-sources.ts';
import type { LogHeader, LogRecord, SoakLog } from '../log/log-schema.ts';
import type { Report } from './report/report-schema.ts';
import { REPORT_SCHEMA_VERSION } from './report/report-version.ts';
import type { AdaptiveBaseline } from './judge/adaptive-thresholds.ts';
import { mergeThresholds } from '../thresholds/merge-thresholds.ts';
import type { ThresholdsInput } from '../thresholds/thresholds-schema.ts';

export interface AnalyzeOptions {
  /** Baseline for adaptive thresholds (e.g. baselineFromReport(previous)); default: this run's warm-up. */
  baseline?: AdaptiveBaseline;
}

export interface Analyzer {
  add(record: LogRecord): void;
  finish(warnings?: string[]): Report;
}

export function createAnalyzer(header: LogHeader, thresholds?: ThresholdsInput, options: AnalyzeOptions = {}): Analyzer {
  const configured = mergeThresholds(header.thresholds, thresholds as Record<string, unknown> | undefined);
  const data = createCollectedData(header, configured);
  return {
    add(record) {
      collectRecord(data, record);
    },
    finish(warnings = []) {
      const ctx = buildAnalysisContext(data, configured, options.baseline);
      const checks: Check[] = runAudits(ctx);
      const assertions = checks.map((c) => c.assertion);
      const edges = edgesReport(ctx);
      const heapSites = heapSiteGrowth(data.heapSites, ctx.warmupMs, ctx.thresholds.confidence);
      const issues = attachSnapshotSources(
        attachLikelySources(
          checks.flatMap((c) => (c.issue ? [c.issue] : [])),
          heapSites,
        ),
        data.heapSnapshotDiff,
      ).sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
      const notes = [...warnings];
      if (ctx.warmupMs < configured.warmupMs)
        notes.push(
          `warm-up shortened from ${Math.round(configured.warmupMs / 1000)} s to ${Math.round(ctx.warmupMs / 1000)} s (at most 25% of a ${Math.round(ctx.durationMs / 1000)} s run)`,
        );
      if (ctx.adaptive && ctx.adaptive.ttfrP95Ms === null)
        notes.push(`adaptive thresholds: too few turns in the ${ctx.adaptive.baseline.source} baseline; static TTFR budget kept`);
      return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        startedAt: header.startedAt,
        target: { ...header.target },
        toolVersion: header.tool.version,
        faults: [...(header.faults ?? [])],
        thresholds: ctx.thresholds,
        warmupMs: ctx.warmupMs,
        metrics: computeMetrics(ctx),
        series: buildSeries(ctx),
        ...(edges ? { edges } : {}),
        issues,
        ...(heapSites ? { heapSites } : {}),
        assertions,
        verdict: assertions.some((a) => !a.passed && a.level === 'error') ? 'fail' : assertions.some((a) => !a.passed) ? 'warn' : 'pass',
        input: { records: { ...data.recordCounts }, warnings: notes },
      };
    },
  };
}

export function analyze(log: SoakLog, thresholds?: ThresholdsInput, options?: AnalyzeOptions): Report {
  const analyzer = createAnalyzer(log.header, thresholds, options);
  for (const record of log.records) analyzer.add(record);
  return analyzer.finish();
}
