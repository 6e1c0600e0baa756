/**
 * What a whole-file JSON is when a command was given the wrong artifact: a soak summary, a report or a comparison
 * (each by its shape), so the command can say which one it got and which command takes it, instead of "not JSON".
 * Reads the file only when it is small enough to be one of those (they are written whole, pretty-printed).
 */
import { readFile, stat } from 'node:fs/promises';

export type JsonArtifact = 'soak-summary' | 'report' | 'comparison';

const MAX_ARTIFACT_BYTES = 64 * 1024 * 1024;

export function artifactKind(json: unknown): JsonArtifact | null {
  if (json === null || typeof json !== 'object' || Array.isArray(json) || !('schemaVersion' in json)) return null;
  if ('kind' in json && json.kind === 'voice-soak-summary') return 'soak-summary';
  if ('metrics' in json && 'input' in json && 'verdict' in json) return 'report';
  if ('regressions' in json && 'before' in json && 'after' in json) return 'comparison';
  return null;
}

export async function identifyJsonArtifact(path: string): Promise<JsonArtifact | null> {
  try {
    if ((await stat(path)).size > MAX_ARTIFACT_BYTES) return null;
    return artifactKind(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return null;
  }
}

/** e.g. "run/soak-summary.json: a voice-soak soak summary, not a JSONL log: use `voice-soak verdict run/soak-summary.json`". */
export function wrongArtifactMessage(path: string, kind: JsonArtifact, wanted: string): string {
  const what: Record<JsonArtifact, string> = {
    'soak-summary': `a voice-soak soak summary, not ${wanted}: use \`voice-soak verdict ${path}\``,
    report: `a voice-soak report JSON, not ${wanted}: use \`voice-soak compare <before> <after>\` (it takes reports and logs)`,
    comparison: `a voice-soak comparison JSON (the output of compare), not ${wanted}: it is a result, no command reads it`,
  };
  return `${path}: ${what[kind]}`;
}
