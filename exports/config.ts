/** `voice-soak/config`: soakProject(), soakServer() and the soak's Chromium flags for a playwright.config: see harness/playwright/soak-project.ts. */
export {
  SOAK_BROWSER_ARGS,
  SOAK_TIMEOUT_MARGIN_MS,
  soakProject,
  soakServer,
  type SoakProject,
  type SoakProjectOptions,
} from '../harness/playwright/soak-project.ts';
export type { SoakOptions } from '../harness/playwright/soak-fixtures.ts';
