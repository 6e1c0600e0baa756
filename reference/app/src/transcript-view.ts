/**
 * Live transcript lines ("user: ..." / "assistant: ...") keyed by item or response id, appended to as deltas
 * arrive. Only the newest `maxLines` stay in the DOM so a long clean session does not grow the document.
 */
export type TranscriptRole = 'user' | 'assistant';

interface TranscriptLine {
  role: TranscriptRole;
  key: string;
  text: string;
  element: HTMLElement;
}

export class TranscriptView {
  private readonly lines: TranscriptLine[] = [];

  constructor(
    private readonly container: HTMLElement | null,
    private readonly maxLines = 200,
  ) {}

  appendText(role: TranscriptRole, key: string, delta: string): void {
    const line = this.ensure(role, key);
    this.render(line, line.text + delta);
  }

  setText(role: TranscriptRole, key: string, text: string): void {
    this.render(this.ensure(role, key), text);
  }

  /** Creates an empty line now so that it keeps its place when its text arrives later. */
  ensure(role: TranscriptRole, key: string): TranscriptLine {
    const existing = this.lines.find((l) => l.key === key && l.role === role);
    if (existing) return existing;
    const element = document.createElement('div');
    element.className = `line ${role}`;
    element.dataset.role = role;
    const line: TranscriptLine = { role, key, text: '', element };
    this.lines.push(line);
    this.container?.append(element);
    while (this.lines.length > this.maxLines) this.lines.shift()?.element.remove();
    return line;
  }

  textOf(role: TranscriptRole, key: string): string {
    return this.lines.find((l) => l.key === key && l.role === role)?.text ?? '';
  }

  /** Non-empty lines, oldest first, as "role: text". */
  snapshot(): string[] {
    return this.lines.filter((l) => l.text.trim() !== '').map((l) => `${l.role}: ${l.text}`);
  }

  private render(line: TranscriptLine, text: string): void {
    line.text = text;
    line.element.textContent = `${line.role === 'user' ? 'You' : 'Assistant'}: ${text}`;
  }
}
