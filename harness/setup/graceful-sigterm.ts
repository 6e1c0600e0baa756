/**
 * Playwright's test runner stops gracefully on SIGINT only: it tears the fixtures down (the soak writes its
 * run-end), runs the reporters' onEnd (reports, soak-summary, history) and stops its webServer. On SIGTERM (kill,
 * `timeout`, docker stop, a CI runner cancelling a job) it dies at once: every report lost, the webServer orphaned.
 * stopGracefullyOnSigterm() makes SIGTERM take the SIGINT path in the runner process, and makes the process exit
 * with 143 (128 + SIGTERM) as a SIGTERMed process would. Workers ignore both signals already (the runner stops them).
 * Idempotent; does nothing in a Playwright worker.
 */
let installed = false;

export function stopGracefullyOnSigterm(): void {
  if (installed || process.env.TEST_WORKER_INDEX !== undefined) return;
  installed = true;
  process.on('SIGTERM', () => {
    process.on('exit', () => {
      process.exitCode = 143;
    });
    process.kill(process.pid, 'SIGINT');
  });
}
