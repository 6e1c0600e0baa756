/**
 * The end of one attempt of a soak test, shared by every fixture that runs one: the log is analyzed once, either by
 * soak.finish() (the spec then judges the result) or on the fixture's teardown, which runs after a pass, a failure, a
 * timeout or an interruption. The reports go into the attempt's own folder (each retry has its own) and are attached
 * with testInfo.attach (path attachments), so the HTML, JSON, Allure and blob reporters carry them and the soak
 * reporter only reads them. A test that passed without calling finish() fails on teardown with the breached budgets.
 */
import type { TestInfo } from '@playwright/test';
import { finishSoakRun } from '../render/finish-soak-run.ts';
import { CONTENT_TYPES, SOAK_LOG, SOAK_RECOVERED } from '../render/soak-attachment-names.ts';
import type { SoakRunResult } from '../render/soak-run-result.ts';
import { attachSoakResults, expectSoakPassed } from './attach-soak-results.ts';
import { isFileSystemError, soakFinishError } from './soak-finish-error.ts';

export interface SoakAttemptFiles {
  logPath: string;
  /** This attempt's folder for the report files (a retry never writes into another attempt's folder). */
  outDir: string;
  /** Why the log could not be written to its end (a full disk), or null. */
  logFailure(): string | null;
  /** The test's title, to pick its report from a soak-summary baseline. */
  title: string;
  baseline?: string;
}

export interface SoakAttempt {
  /** Analyzes the log now, attaches the reports and returns the result for the spec to judge. */
  finish(): Promise<SoakRunResult>;
  /** For the fixture's `finally`: analyzes and attaches when finish() did not run. */
  teardown(): Promise<void>;
}

export function createSoakAttempt(testInfo: TestInfo, files: SoakAttemptFiles): SoakAttempt {
  let analyzed = false;
  const attachLog = () => testInfo.attach(SOAK_LOG, { path: files.logPath, contentType: CONTENT_TYPES.jsonl });

  const analyzeAndAttach = async (): Promise<SoakRunResult> => {
    analyzed = true;
    // The disk that refused the log holds the report folder too: say so at once instead of failing on each file.
    const logFailure = files.logFailure();
    if (logFailure) {
      await attachLog();
      throw soakFinishError(files.logPath, new Error('the log could not be written to its end'), logFailure);
    }
    let result: SoakRunResult;
    try {
      result = await finishSoakRun(files.logPath, { outDir: files.outDir, title: files.title, ...(files.baseline ? { baseline: files.baseline } : {}) });
    } catch (error) {
      await attachLog();
      throw isFileSystemError(error) ? soakFinishError(files.logPath, error, files.logFailure()) : error;
    }
    await attachSoakResults(testInfo, result);
    return result;
  };

  return {
    finish: analyzeAndAttach,
    async teardown() {
      if (analyzed) return;
      const passing = testInfo.status === 'passed';
      try {
        const result = await analyzeAndAttach();
        testInfo.annotations.push({ type: SOAK_RECOVERED, description: 'analyzed on teardown: the test ended before soak.finish()' });
        if (passing) expectSoakPassed(result);
      } catch (error) {
        // A log the disk cut short on a test that failed already is said by its annotation; anything else fails it.
        if (passing || !files.logFailure()) throw error;
      }
    },
  };
}
