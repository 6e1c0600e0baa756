/**
 * Escapes a string from a log for Markdown (CommonMark/GFM): HTML-significant characters become entities, Markdown
 * punctuation is backslash-escaped, line breaks become spaces (so a value cannot start a new block or break a table row).
 * Pure module.
 */
import { escapeHtml } from './escape-html.ts';

const MARKDOWN_PUNCTUATION = /[\\`*_{}\[\]()#+\-.!|~:]/g;

export function escapeMarkdown(value: unknown): string {
  const oneLine = String(value).replace(/[\r\n\u2028\u2029]+/g, ' ');
  // Backslashes first (on the raw text), then entities: the entity's own '&', '#' and ';' must stay unescaped.
  return escapeHtml(oneLine.replace(MARKDOWN_PUNCTUATION, (ch) => `\\${ch}`));
}
