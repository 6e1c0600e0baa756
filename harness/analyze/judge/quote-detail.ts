/** Log strings (notes, URLs, dialog text) put into a finding message, on one line and clipped so it stays a sentence. */
export function clipDetail(text: string, maxChars = 120): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > maxChars ? `${oneLine.slice(0, maxChars - 1)}…` : oneLine;
}

/** The same, in double quotes: "redirect-ws upstream ws://127.0.0.1:9/ error: connect ECONNREFUSED". */
export function quoteDetail(text: string, maxChars = 120): string {
  return `"${clipDetail(text, maxChars)}"`;
}
