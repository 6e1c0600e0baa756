/**
 * One scratch folder per test for a user's soak run: `scratchDir(prefix)` makes it under the OS temp dir (named
 * voice-soak-<prefix>-*); it stays for a look when its test failed (the path is in the failure) and goes when it
 * passed. Call useScratchDirs() once at a spec's top level: it registers the afterEach that cleans up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';

export function useScratchDirs(): (prefix: string) => string {
  const dirs = new Map<string, string>();
  test.afterEach(async ({}, testInfo) => {
    const dir = dirs.get(testInfo.testId);
    if (dir && testInfo.status === testInfo.expectedStatus) rmSync(dir, { recursive: true, force: true });
  });
  return (prefix) => {
    const dir = mkdtempSync(join(tmpdir(), `voice-soak-${prefix}-`));
    dirs.set(test.info().testId, dir);
    return dir;
  };
}
