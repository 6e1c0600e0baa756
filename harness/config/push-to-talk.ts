/**
 * SOAK_PUSH_TO_TALK: the harness holds a button or a key for the length of each utterance, as a person holds a
 * push-to-talk control. `#hold` (a CSS selector: mouse button down on its centre, up after the utterance) or
 * `key:Space` (a key as Playwright names it: keyboard down, up after the utterance).
 */
export type PushToTalk = { kind: 'selector'; selector: string } | { kind: 'key'; key: string };

export function parsePushToTalk(text: string): PushToTalk {
  const trimmed = text.trim();
  if (/^key:/i.test(trimmed)) {
    const key = trimmed.slice(4).trim();
    if (!key) throw new Error('expected key:NAME (e.g. key:Space) or a CSS selector');
    return { kind: 'key', key };
  }
  if (!trimmed) throw new Error('expected a CSS selector (e.g. #hold) or key:NAME (e.g. key:Space)');
  return { kind: 'selector', selector: trimmed };
}
