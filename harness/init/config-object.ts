/**
 * Finds the config object of a playwright.config source (`defineConfig({...})`, `export default {...}` or
 * `module.exports = {...}`) and its top-level properties, by scanning the text: strings, template literals, comments
 * and regular brackets are skipped, so a `projects:` inside a nested object or a comment is not taken for the
 * config's own. No parser dependency: init edits the user's file in place, keeping every byte it does not touch.
 */
export interface ConfigProperty {
  /** The key; for a spread, the spread expression. */
  name: string;
  /** `key: value`, a shorthand `key` (or method), or a spread `...other` (whose keys are unknown here). */
  kind: 'value' | 'shorthand' | 'spread';
  /** Offset of the value's first non-space character, and the offset just after its last. */
  valueStart: number;
  valueEnd: number;
}

export interface ConfigObject {
  /** Offset of the object's `{` and of its closing `}`. */
  open: number;
  close: number;
  properties: ConfigProperty[];
}

const OBJECT_STARTS = [/defineConfig\s*(?:<[^>]*>)?\s*\(\s*\{/g, /export\s+default\s*\{/g, /module\.exports\s*=\s*\{/g];

/** Offset just after the string, template, comment or regex-free token that starts at i, or i when none does. */
function skipNonCode(source: string, i: number): number {
  const c = source[i];
  if (c === '/' && source[i + 1] === '/') {
    const end = source.indexOf('\n', i);
    return end === -1 ? source.length : end;
  }
  if (c === '/' && source[i + 1] === '*') {
    const end = source.indexOf('*/', i + 2);
    return end === -1 ? source.length : end + 2;
  }
  if (c === "'" || c === '"' || c === '`') {
    let j = i + 1;
    while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  return i;
}

/** The offset of the bracket that closes the one at `open` (string- and comment-aware), or -1. */
export function matchingBracket(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const skipped = skipNonCode(source, i);
    if (skipped !== i) {
      i = skipped - 1;
      continue;
    }
    const c = source[i]!;
    if ('{[('.includes(c)) depth++;
    else if ('}])'.includes(c)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function isCommentedOut(source: string, offset: number): boolean {
  let i = 0;
  while (i < offset) {
    const skipped = skipNonCode(source, i);
    if (skipped > offset) return true;
    i = skipped === i ? i + 1 : skipped;
  }
  return false;
}

export function findConfigObject(source: string): ConfigObject | null {
  let open = -1;
  for (const pattern of OBJECT_STARTS) {
    for (const match of source.matchAll(pattern)) {
      const brace = match.index + match[0].length - 1;
      if (!isCommentedOut(source, match.index)) {
        open = brace;
        break;
      }
    }
    if (open !== -1) break;
  }
  if (open === -1) return null;
  const close = matchingBracket(source, open);
  if (close === -1) return null;
  const properties: ConfigProperty[] = [];
  let i = open + 1;
  while (i < close) {
    const skipped = skipNonCode(source, i);
    if (skipped !== i || /\s|,/.test(source[i]!)) {
      i = skipped !== i ? skipped : i + 1;
      continue;
    }
    // One member, up to the next comma at this depth: `key: value`, a shorthand `key`, or a spread `...other`.
    let j = i;
    while (j < close) {
      const s = skipNonCode(source, j);
      if (s !== j) {
        j = s;
        continue;
      }
      const c = source[j]!;
      if ('{[('.includes(c)) {
        const end = matchingBracket(source, j);
        j = end === -1 ? close : end + 1;
        continue;
      }
      if (c === ',') break;
      j++;
    }
    let memberEnd = j;
    while (memberEnd > i && /\s/.test(source[memberEnd - 1]!)) memberEnd--;
    const member = source.slice(i, memberEnd);
    const key = /^(?:([A-Za-z_$][\w$]*)|'([^']*)'|"([^"]*)")\s*:\s*/.exec(member);
    if (key) properties.push({ name: key[1] ?? key[2] ?? key[3] ?? '', kind: 'value', valueStart: i + key[0].length, valueEnd: memberEnd });
    else if (member.startsWith('...')) properties.push({ name: member.slice(3).trim(), kind: 'spread', valueStart: i, valueEnd: memberEnd });
    else properties.push({ name: /^[A-Za-z_$][\w$]*/.exec(member)?.[0] ?? member, kind: 'shorthand', valueStart: i, valueEnd: memberEnd });
    i = j + 1;
  }
  return { open, close, properties };
}
