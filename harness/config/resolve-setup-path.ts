/** SOAK_SETUP as a path: an absolute one as given, a relative one against the working directory. */
import { isAbsolute, resolve } from 'node:path';

export function resolveSetupPath(path: string, cwd = process.cwd()): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}
