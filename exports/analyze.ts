/**
 * `voice-soak/analyze`: the pure analyzer (no fs, no clock, no Playwright: it runs in the page too), the log reader
 * and the renderers, to re-judge a saved JSONL log offline. Same as `npx voice-soak analyze <log.jsonl>`.
 */
export { analyze, createAnalyzer, type AnalyzeOptions, type Analyzer } from '../harness/analyze/analyze.ts';
export { analyzeLogFile, type AnalyzedLog } from '../harness/analyze/analyze-log-file.ts';
export { readLog, LogInputError } from '../harness/log/log-reader.ts';
export { resolveThresholds } from '../harness/thresholds/resolve-thresholds.ts';
export { readThresholdsFile } from '../harness/thresholds/thresholds-file.ts';
export { renderText } from '../harness/render/render-text.ts';
export { renderHtml } from '../harness/render/render-html.ts';
export { renderMarkdown } from '../harness/render/render-markdown.ts';
