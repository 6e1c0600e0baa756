/** A one-line-per-run reporter: see harness/playwright/summary-line-reporter.ts. */
export { default } from '../harness/playwright/summary-line-reporter.ts';
