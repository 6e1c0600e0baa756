/**
 * Read a thresholds JSON file (Node side) and validate it as one layer of resolveThresholds; errors are one line
 * naming the file and the field: `soak-thresholds.json: field "maxHeapBytes": expected a number > 0, got -1`.
 */
import { readFile, stat } from 'node:fs/promises';
import { ThresholdsError } from './thresholds-error.ts';
import type { Thresholds } from './thresholds-schema.ts';
import { validateLayer } from './resolve-thresholds.ts';

/** Largest thresholds file read (it holds a few numbers). */
const MAX_FILE_BYTES = 64 * 1024;

export async function readThresholdsFile(path: string): Promise<Partial<Thresholds>> {
  let text: string;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new ThresholdsError(`${path}: is a directory (expected a thresholds JSON file)`);
    if (info.size > MAX_FILE_BYTES) throw new ThresholdsError(`${path}: ${info.size} bytes is too large for a thresholds file (max ${MAX_FILE_BYTES})`);
    text = await readFile(path, 'utf8');
  } catch (cause) {
    if (cause instanceof ThresholdsError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    throw new ThresholdsError(
      `${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? String(cause)})`}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new ThresholdsError(`${path}: not JSON (${cause instanceof Error ? cause.message : String(cause)})`);
  }
  return validateLayer(value, path);
}
