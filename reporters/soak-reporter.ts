/** The soak reporter, listed first in playwright.config.ts: see harness/playwright/soak-reporter.ts. */
export { default } from '../harness/playwright/soak-reporter.ts';
export type { SoakReporterOptions } from '../harness/playwright/soak-reporter.ts';
