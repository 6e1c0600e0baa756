/**
 * Sentences about a report's audio edges shared by the text, Markdown and HTML renderers: which measures the log
 * had, and what the run was judged on (protocol 'none': the audio edges, memory, DOM and socket counters alone).
 * Formatting only. Pure module.
 */
import type { EdgesReport } from '../analyze/report/edges-report-schema.ts';

/** "audio edges, protocol TTFR, memory (CDP); not available: sockets (0 WebSocket(s) sampled)". */
export function availableMeasuresText(edges: EdgesReport): string {
  const available = edges.measures.filter((m) => m.available).map((m) => m.name);
  const missing = edges.measures.filter((m) => !m.available).map((m) => `${m.name} (${m.detail})`);
  const parts = [available.length > 0 ? available.join(', ') : 'none'];
  if (missing.length > 0) parts.push(`not available: ${missing.join(', ')}`);
  return parts.join('; ');
}

/** "realtime (...)", or "none (no Realtime events decoded): judged on the audio edges, memory, DOM and socket counters". */
export function judgedOnText(edges: EdgesReport): string {
  if (edges.protocol === 'realtime') return 'realtime (protocol TTFR and the audio edges)';
  const reason = edges.protocolReason ? ` (${edges.protocolReason})` : '';
  return `none${reason}: judged on the audio edges, memory, DOM and socket counters`;
}
