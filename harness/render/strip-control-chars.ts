/**
 * Text from a log or a server (error messages, interruption reasons, URLs, notes) is shown on terminals; a raw
 * escape sequence in it could recolour, clear or retitle the terminal, hide lines, or write a fake verdict. This
 * removes every ANSI/VT sequence whole (CSI `ESC [` / 0x9b, OSC `ESC ]` / 0x9d up to BEL or ST, DCS/SOS/PM/APC up to
 * ST, two-byte `ESC x`) and shows any other C0 control, DEL or C1 control as a visible `\xHH`, so nothing a log
 * carries reaches the terminal raw and what was there stays visible. Newlines and tabs are kept; a carriage return
 * (which overwrites the line on a terminal) is shown as `\x0d` unless it ends a line. Pure.
 */
const SEQUENCES = new RegExp(
  [
    '(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]?', // CSI ... final byte
    '(?:\\u001b\\]|\\u009d)[^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u001b\\\\|\\u009c)?', // OSC ... BEL or ST
    '(?:\\u001b[PX^_]|[\\u0090\\u0098\\u009e\\u009f])[^\\u001b\\u009c]*(?:\\u001b\\\\|\\u009c)?', // DCS, SOS, PM, APC ... ST
    '\\u001b[\\u0020-\\u002f]*[\\u0030-\\u007e]?', // ESC with intermediates and a final byte (ESC c, ESC ( B, ...)
  ].join('|'),
  'g',
);
const CONTROLS = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const hex = (char: string): string => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;

export function stripControlChars(text: string): string {
  return text.replace(SEQUENCES, '').replace(CONTROLS, hex);
}
