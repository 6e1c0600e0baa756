/**
 * A tiny well-formedness and safety check for the markup the renderers produce (tests only): tags balance, every
 * attribute is quoted, no raw '<' or '&' in text, and a list of the tag and attribute names used.
 */

export interface MarkupSummary {
  tags: Set<string>;
  attributes: Set<string>;
}

const VOID_HTML = new Set(['meta', 'br', 'hr', 'img', 'input', 'link']);
const TAG = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;

/** Throws with a position when `markup` is not well formed; returns the tag and attribute names it uses. */
export function checkMarkup(markup: string, { html = false } = {}): MarkupSummary {
  const stack: string[] = [];
  const tags = new Set<string>();
  const attributes = new Set<string>();
  let i = 0;
  while (i < markup.length) {
    const ch = markup[i]!;
    if (ch === '&') {
      const entity = /&(?:[a-z]+|#\d+|#x[0-9a-f]+);/iy;
      entity.lastIndex = i;
      if (!entity.test(markup)) throw new Error(`raw '&' at ${i}: ${markup.slice(i, i + 40)}`);
      i = entity.lastIndex;
      continue;
    }
    if (ch !== '<') {
      i += 1;
      continue;
    }
    if (markup.startsWith('<!DOCTYPE html>', i)) {
      i += '<!DOCTYPE html>'.length;
      continue;
    }
    TAG.lastIndex = i;
    const match = TAG.exec(markup);
    if (!match) throw new Error(`malformed tag or raw '<' at ${i}: ${markup.slice(i, i + 60)}`);
    const [, closing, name, attrs, selfClosing] = match;
    const tag = name!.toLowerCase();
    tags.add(tag);
    for (const attr of attrs!.matchAll(/([\w:-]+)="/g)) attributes.add(attr[1]!.toLowerCase());
    if (closing) {
      const open = stack.pop();
      if (open !== tag) throw new Error(`</${tag}> at ${i} closes <${open}>`);
    } else if (!selfClosing && !(html && VOID_HTML.has(tag))) {
      stack.push(tag);
    }
    i = TAG.lastIndex;
  }
  if (stack.length > 0) throw new Error(`unclosed tags: ${stack.join(', ')}`);
  return { tags, attributes };
}

/**
 * The links of a page that are not a fragment naming an element of the same page (an external or broken link):
 * the HTML report links only from its summary to its own charts and rows.
 */
export function foreignLinks(markup: string): string[] {
  const ids = new Set([...markup.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
  return [...markup.matchAll(/ href="([^"]*)"/g)].map((m) => m[1]!).filter((href) => !href.startsWith('#') || !ids.has(href.slice(1)));
}

/** Attributes that run script or load something (href is checked by foreignLinks). */
export const unsafeAttributes = (attributes: Set<string>) => [...attributes].filter((a) => a.startsWith('on') || a === 'src');
