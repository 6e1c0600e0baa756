/** `<outputDir>/<timestamp>-<test-slug>/`: one folder per run, sortable by time, safe on every filesystem. */
import { join, resolve } from 'node:path';

export function runDirectory(outputDir: string, testTitle: string, startedAt: Date): string {
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-').replace('T', '_').replace(/Z$/, '');
  const slug =
    testTitle
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'run';
  return resolve(join(outputDir, `${stamp}-${slug}`));
}
