/**
 * `voice-soak compare <before> <after> [--format text|json|md] [--out FILE] [--confidence 0.95]`
 * Each input is a JSONL log or a saved report JSON. Exit 1 when a metric regressed significantly, 0 otherwise,
 * 2 on unusable input, 64 on bad usage.
 */
import { compareReports } from '../analyze/compare/compare-reports.ts';
import type { Comparison } from '../analyze/compare/comparison-schema.ts';
import { renderComparisonMarkdown } from '../render/render-comparison-markdown.ts';
import { renderComparisonText } from '../render/render-comparison-text.ts';
import { renderJson } from '../render/render-json.ts';
import { UsageError } from './cli-errors.ts';
import { loadReportInput } from './load-report-input.ts';
import { parseCommandArgs } from './parse-args.ts';
import { terminalSafeErrors, writeWarning } from './terminal-safe-errors.ts';
import { writeOutput } from './write-output.ts';

const FORMATS = ['text', 'json', 'md'] as const;
const RENDERERS: Record<(typeof FORMATS)[number], (comparison: Comparison) => string> = {
  text: renderComparisonText,
  json: renderJson,
  md: renderComparisonMarkdown,
};

export function run(args: string[]): Promise<number> {
  return terminalSafeErrors(() => compare(args));
}

async function compare(args: string[]): Promise<number> {
  const { positionals, values } = parseCommandArgs(args, {
    command: 'compare',
    positionals: ['before', 'after'],
    options: ['format', 'out', 'confidence'],
    metavars: { out: 'FILE', confidence: '0.95' },
    choices: { format: FORMATS },
  });
  const confidence = values.confidence === undefined ? undefined : Number(values.confidence);
  if (confidence !== undefined && !(confidence > 0.5 && confidence < 1)) {
    throw new UsageError(`--confidence must be a number between 0.5 and 1 (exclusive), got "${values.confidence}"`);
  }
  const [beforePath, afterPath] = positionals as [string, string];
  const before = await loadReportInput(beforePath);
  const after = await loadReportInput(afterPath);
  for (const [path, input] of [
    [beforePath, before],
    [afterPath, after],
  ] as const) {
    for (const warning of input.warnings) writeWarning('compare', `${path}: ${warning}`);
  }
  const comparison = compareReports(before.report, after.report, { confidence });
  await writeOutput(RENDERERS[(values.format ?? 'text') as (typeof FORMATS)[number]](comparison), values.out);
  return comparison.regressions.length > 0 ? 1 : 0;
}
