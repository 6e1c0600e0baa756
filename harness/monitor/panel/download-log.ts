/** Saves text as a file through a Blob URL (the panel's Download Logs). */
export function logFileName(date: Date): string {
  return `voice-soak-${date.toISOString().replace(/:/g, '-')}.jsonl`;
}

export function downloadText(text: string, fileName: string, container: Node): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  container.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
