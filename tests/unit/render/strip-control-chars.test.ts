/** Escape sequences and control characters from a log never reach a terminal raw. */
import { test, expect } from '@playwright/test';
import { stripControlChars } from '../../../harness/render/strip-control-chars.ts';
import { renderJson } from '../../../harness/render/render-json.ts';

// Anything a terminal acts on: C0 but tab and newline, DEL, C1.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

test('ANSI, OSC, DCS and two-byte escape sequences are removed whole', () => {
  expect(stripControlChars('a\u001b[31mred\u001b[0m b')).toBe('ared b');
  expect(stripControlChars('\u001b[2J\u001b[1;1HVerdict: pass')).toBe('Verdict: pass');
  expect(stripControlChars('x\u001b]0;pwned title\u0007y')).toBe('xy');
  expect(stripControlChars('x\u001b]8;;https://evil.example/\u001b\\link\u001b]8;;\u001b\\y')).toBe('xlinky');
  expect(stripControlChars('\u009b2Jz \u009d0;t\u009cw')).toBe('z w');
  expect(stripControlChars('\u001bPqsixel\u001b\\after')).toBe('after');
  expect(stripControlChars('\u001bc reset, \u001b(B charset, trailing \u001b')).toBe(' reset,  charset, trailing ');
});

test('other control characters are shown as \\xHH; newlines, tabs, CRLF and non-ASCII text are kept', () => {
  expect(stripControlChars('bell\u0007 nul\u0000 bs\u0008 del\u007f c1\u0085')).toBe('bell\\x07 nul\\x00 bs\\x08 del\\x7f c1\\x85');
  expect(stripControlChars('fake\rVerdict: pass')).toBe('fake\\x0dVerdict: pass');
  expect(stripControlChars('a\tb\nc\r\nd')).toBe('a\tb\nc\r\nd');
  expect(stripControlChars('ümlaut ☃ 日本 \u2028')).toBe('ümlaut ☃ 日本 \u2028');
});

test('every control character in any position leaves the output free of raw controls', () => {
  for (let code = 0; code <= 0x9f; code++) {
    if (code >= 0x20 && code < 0x7f) continue;
    const char = String.fromCharCode(code);
    for (const text of [char, `a${char}`, `${char}[31m`, `a${char}]0;x`, `${char}${char}b`]) {
      const out = stripControlChars(text).replace(/\r\n/g, '\n');
      expect(RAW_CONTROL.test(out), JSON.stringify(text)).toBe(false);
    }
  }
});

test('renderJson escapes DEL and C1 controls (JSON.stringify leaves them raw); the value reads back the same', () => {
  const value = { reason: 'csi\u009b2J del\u007f esc\u001b[0m' };
  const json = renderJson(value);
  expect(RAW_CONTROL.test(json)).toBe(false);
  expect(json).toContain('csi\\u009b2J del\\u007f esc\\u001b[0m');
  expect(JSON.parse(json)).toEqual(value);
});
