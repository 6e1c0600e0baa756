/**
 * Hanging up a conversation and starting the next one, as a person does it: click the app's stop control
 * (SOAK_STOP_SELECTOR; `#stop` on the embedded app). An app with no stop control is reloaded instead (the
 * fallback: a fresh page drops whatever the app did not clean up itself, so a leak per conversation shows less),
 * after which SOAK_SETUP and SOAK_START_STEPS run again (afterReload). Starting again clicks SOAK_START_SELECTOR,
 * or, without one, runs the start steps again (restartSteps).
 */
import type { Page } from '@playwright/test';
import type { CycleRecord } from '../../log/log-schema.ts';

export type HangUpHow = Exclude<CycleRecord['hungUpBy'], 'baseline'>;

export interface HangUpControl {
  hangUp(page: Page): Promise<HangUpHow>;
  startAgain(page: Page, after: HangUpHow): Promise<void>;
  /** What hangUp() will do, for the log header. */
  describe(): string;
}

export function createHangUpControl(options: {
  stopSelector: string | undefined;
  startSelector: string | undefined;
  afterReload: () => Promise<void>;
  restartSteps: () => Promise<void>;
}): HangUpControl {
  const { stopSelector, startSelector } = options;
  return {
    describe: () => (stopSelector ? `click ${stopSelector}` : 'reload (no SOAK_STOP_SELECTOR)'),
    async hangUp(page) {
      if (stopSelector) {
        await page.click(stopSelector, { timeout: 15_000 });
        return 'stop-selector';
      }
      await page.reload({ waitUntil: 'load' });
      await options.afterReload();
      return 'reload';
    },
    async startAgain(page, after) {
      if (startSelector) await page.click(startSelector, { timeout: 15_000 });
      else if (after === 'stop-selector') await options.restartSteps();
    },
  };
}
