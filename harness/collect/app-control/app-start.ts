/**
 * Getting the app ready to talk, after each load: SOAK_SETUP (setup-module.ts), then SOAK_START_STEPS
 * (run-start-steps.ts), their ${NAME} values resolved from the environment and this run's realtime server.
 */
import type { Page } from '@playwright/test';
import type { StartStep } from '../../config/start-steps.ts';
import { runStartSteps } from './run-start-steps.ts';
import type { SoakSetup, SoakSetupContext } from './setup-module.ts';

export interface AppStart {
  /** Runs the setup module, when there is one. */
  setup(): Promise<void>;
  /** Runs the start steps, when there are any. */
  steps(): Promise<void>;
}

export function createAppStart(options: {
  page: Page;
  setup: SoakSetup | undefined;
  steps: readonly StartStep[] | undefined;
  settings: SoakSetupContext['settings'];
  /** Gains the selector of every field filled with a secret. */
  secretFields: string[];
  note: (detail: string) => void;
  addSecret: (value: string) => void;
}): AppStart {
  const { page, settings } = options;
  return {
    async setup() {
      await options.setup?.({ page, settings });
    },
    async steps() {
      if (!options.steps?.length) return;
      const { env } = settings;
      const vars = {
        ...env,
        SOAK_REALTIME_URL: settings.realtimeUrl,
        SOAK_REALTIME_HTTP_URL: settings.realtimeHttpUrl,
        OPENAI_API_KEY: settings.apiKey ?? env.OPENAI_API_KEY,
      };
      await runStartSteps({ page, secretFields: options.secretFields, steps: options.steps, vars, note: options.note, addSecret: options.addSecret });
    },
  };
}
