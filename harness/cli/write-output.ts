/** Writes a rendered report to --out FILE, or to stdout when no file is given. */
import { writeFile } from 'node:fs/promises';
import { fileError } from './cli-errors.ts';

export async function writeOutput(text: string, outPath: string | undefined): Promise<void> {
  if (outPath === undefined) {
    await new Promise<void>((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
    return;
  }
  try {
    await writeFile(outPath, text, 'utf8');
  } catch (error) {
    throw fileError(error, outPath);
  }
}
