/**
 * A streaming JSON tokenizer for heap snapshots: text goes in as chunks of any size (a value may be split anywhere,
 * even inside an escape), and each token comes out as a callback the moment it ends. It keeps no document, only
 * the nesting stack and the token in progress, so a snapshot of hundreds of MB never exists as one string here.
 * Strings longer than maxStringLength are cut there (the rest is read and dropped): snapshot strings hold whole
 * script sources, and voice-soak needs only names. Bad JSON throws a one-line error with the offset.
 */
export interface JsonTokenHandler {
  open(kind: 'object' | 'array'): void;
  close(): void;
  key(name: string): void;
  number(value: number): void;
  string(value: string): void;
  literal(value: boolean | null): void;
}

export interface JsonTokenizer {
  write(chunk: string): void;
  /** Throws when the text ended inside a value or with containers still open. */
  end(): void;
}

/** Tokenizer modes (plain numbers: the hot loop compares them per character). */
const Mode = { Value: 0, String: 1, Escape: 2, Unicode: 3, Number: 4, Literal: 5 } as const;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function createJsonTokenizer(handler: JsonTokenHandler, maxStringLength = 1_000): JsonTokenizer {
  /** Per open container: true for an object. */
  const stack: boolean[] = [];
  let expectKey = false;
  let mode: number = Mode.Value;
  let offset = 0;
  let text = '';
  let textLength = 0;
  let isKey = false;
  let unicode = '';
  let intValue = 0;
  let negative = false;
  let numberText: string | null = null;
  let literal = '';

  const fail = (what: string, at: number): never => {
    throw new Error(`heap snapshot JSON: ${what} at offset ${offset + at}`);
  };
  const append = (piece: string) => {
    if (textLength >= maxStringLength) return;
    const room = maxStringLength - textLength;
    const kept = piece.length > room ? piece.slice(0, room) : piece;
    text += kept;
    textLength += kept.length;
  };
  const endString = () => {
    mode = Mode.Value;
    if (isKey) {
      expectKey = false;
      handler.key(text);
    } else handler.string(text);
  };
  const endNumber = (at: number) => {
    mode = Mode.Value;
    const value = numberText === null ? (negative ? -intValue : intValue) : Number(numberText);
    if (Number.isNaN(value)) fail(`bad number "${numberText}"`, at);
    handler.number(value);
  };
  const endLiteral = (at: number) => {
    mode = Mode.Value;
    if (literal === 'true') handler.literal(true);
    else if (literal === 'false') handler.literal(false);
    else if (literal === 'null') handler.literal(null);
    else fail(`unexpected "${literal}"`, at);
  };

  function write(chunk: string): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (mode === Mode.String) {
        let j = i;
        while (j < n) {
          const c = chunk.charCodeAt(j);
          if (c === 34 || c === 92) break; // " or \
          j++;
        }
        if (j > i) append(chunk.slice(i, j));
        if (j === n) {
          i = n;
          break;
        }
        i = j + 1;
        if (chunk.charCodeAt(j) === 34) endString();
        else mode = Mode.Escape;
        continue;
      }
      const ch = chunk[i]!;
      if (mode === Mode.Escape) {
        i++;
        if (ch === 'u') {
          mode = Mode.Unicode;
          unicode = '';
          continue;
        }
        const decoded = ESCAPES[ch];
        if (decoded === undefined) fail(`bad escape "\\${ch}"`, i - 1);
        append(decoded!);
        mode = Mode.String;
        continue;
      }
      if (mode === Mode.Unicode) {
        i++;
        unicode += ch;
        if (unicode.length === 4) {
          const code = Number.parseInt(unicode, 16);
          if (!/^[0-9a-fA-F]{4}$/.test(unicode)) fail(`bad \\u escape "${unicode}"`, i - 4);
          append(String.fromCharCode(code));
          mode = Mode.String;
        }
        continue;
      }
      if (mode === Mode.Number) {
        const c = chunk.charCodeAt(i);
        if (c >= 48 && c <= 57) {
          if (numberText === null) intValue = intValue * 10 + (c - 48);
          else numberText += ch;
          i++;
          continue;
        }
        if (ch === '.' || ch === 'e' || ch === 'E' || ch === '+' || ch === '-') {
          if (numberText === null) numberText = `${negative ? '-' : ''}${intValue}`;
          numberText += ch;
          i++;
          continue;
        }
        endNumber(i);
        continue; // this character is read again as a value delimiter
      }
      if (mode === Mode.Literal) {
        if (ch >= 'a' && ch <= 'z') {
          literal += ch;
          i++;
          continue;
        }
        endLiteral(i);
        continue;
      }
      // Mode.Value: between tokens
      i++;
      switch (ch) {
        case ' ':
        case '\n':
        case '\r':
        case '\t':
        case ':':
          break;
        case ',':
          expectKey = stack[stack.length - 1] === true;
          break;
        case '{':
          stack.push(true);
          expectKey = true;
          handler.open('object');
          break;
        case '[':
          stack.push(false);
          expectKey = false;
          handler.open('array');
          break;
        case '}':
        case ']':
          if (stack.length === 0 || stack[stack.length - 1] !== (ch === '}')) fail(`unexpected "${ch}"`, i - 1);
          stack.pop();
          expectKey = false;
          handler.close();
          break;
        case '"':
          mode = Mode.String;
          isKey = expectKey;
          text = '';
          textLength = 0;
          break;
        default:
          if (ch === '-' || (ch >= '0' && ch <= '9')) {
            mode = Mode.Number;
            negative = ch === '-';
            intValue = negative ? 0 : ch.charCodeAt(0) - 48;
            numberText = null;
          } else if (ch === 't' || ch === 'f' || ch === 'n') {
            mode = Mode.Literal;
            literal = ch;
          } else fail(`unexpected "${ch}"`, i - 1);
      }
    }
    offset += n;
  }

  return {
    write,
    end() {
      if (mode === Mode.Number) endNumber(0);
      else if (mode === Mode.Literal) endLiteral(0);
      if (mode !== Mode.Value) fail('text ended inside a string', 0);
      if (stack.length > 0) fail(`text ended with ${stack.length} container(s) open`, 0);
    },
  };
}
