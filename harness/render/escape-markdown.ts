/**
 * Escapes a string from a log for Markdown (CommonMark/GFM): HTML-significant characters become entities, Markdown
 * punctuation is backslash-escaped, line breaks become spaces (so a value cannot start a new block or break a table row).
 * Pure module.
 */
import { escapeHtml } from './escape-html.ts';

/**
 * Inline-significant punctuation only: values never start a line (newlines are collapsed and every line begins with
 * the renderer's own prefix), so block markers ('#', '-', '+', '1.') cannot take effect and stay readable.
 * '<' and '&' become entities below, so no raw HTML and no <javascript:...> autolink can form.
 */
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()!|~]/g;

export function escapeMarkdown(value: unknown): string {
  const oneLine = String(value).replace(/[\r\n\u2028\u2029]+/g, ' ');
  // Backslashes first (on the raw text), then entities: the entity's own '&', '#' and ';' must stay unescaped.
  return escapeHtml(oneLine.replace(MARKDOWN_PUNCTUATION, (ch) => `\\${ch}`));
}
