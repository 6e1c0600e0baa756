/**
 * Writes a rendered report to --out FILE, or to stdout when no file is given; what goes to stdout carries no escape
 * sequence or control character from a log (strip-control-chars.ts; JSON is already escaped by renderJson).
 */
import { writeFile } from 'node:fs/promises';
import { stripControlChars } from '../render/strip-control-chars.ts';
import { fileError } from '../log/log-input-error.ts';

export async function writeOutput(text: string, outPath: string | undefined): Promise<void> {
  if (outPath === undefined) {
    await new Promise<void>((resolve, reject) => process.stdout.write(stripControlChars(text), (error) => (error ? reject(error) : resolve())));
    return;
  }
  try {
    await writeFile(outPath, text, 'utf8');
  } catch (error) {
    throw fileError(error, outPath);
  }
}
