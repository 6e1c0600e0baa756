/**
 * The one escaper for HTML and SVG/XML text and attribute values. Every string that came from a log or a report
 * passes through it before it is placed in markup. Pure module.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Characters XML 1.0 forbids (C0 controls except tab/newline/CR, lone surrogates, U+FFFE/U+FFFF). */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes `& < > " '` and replaces characters that are illegal in XML with U+FFFD, so output is valid HTML and SVG. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(XML_FORBIDDEN, '\uFFFD')
    .replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}
