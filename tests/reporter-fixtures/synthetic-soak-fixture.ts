/**
 * A soak fixture over synthetic logs: it ends each attempt exactly as the real soak fixture does (createSoakAttempt:
 * soak.finish() in the test, or the analysis on teardown after a failure or a timeout), without a browser. The
 * test writes its log at `soak.logPath`, inside the attempt's own output folder.
 */
import { test as base } from '@playwright/test';
import { createSoakAttempt } from '../../harness/playwright/soak-attempt.ts';
import type { SoakRunResult } from '../../harness/render/soak-run-result.ts';

export interface SyntheticSoak {
  logPath: string;
  finish(): Promise<SoakRunResult>;
}

export const test = base.extend<{ soak: SyntheticSoak }>({
  soak: async ({}, use, testInfo) => {
    const logPath = testInfo.outputPath('soak', 'run.jsonl');
    const attempt = createSoakAttempt(testInfo, { logPath, outDir: testInfo.outputPath('soak'), logFailure: () => null, title: testInfo.title });
    try {
      await use({ logPath, finish: () => attempt.finish() });
    } finally {
      await attempt.teardown();
    }
  },
});
