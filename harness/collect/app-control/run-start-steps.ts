/**
 * Runs the SOAK_START_STEPS sequence on the page after load (and after SOAK_SETUP), one harness note per step.
 * Values that came from a secret (the API key, or any variable whose name says KEY/TOKEN/SECRET/PASSWORD) are
 * typed without Playwright's value-carrying API steps appearing with the value in them (a `goto` to such a URL is
 * opened from inside the page): the note says "(secret)" and the log's redaction list gains the value.
 */
import type { Page } from '@playwright/test';
import { openPage } from '../redact/open-page.ts';
import { carriesSecret } from '../redact/redact-secrets.ts';
import { StartStepError, type StartStep } from '../../config/start-steps.ts';
import { resolveStepValue, stepVariables } from './resolve-step-value.ts';

const STEP_TIMEOUT_MS = 15_000;
const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD/i;

export interface RunStartStepsOptions {
  page: Page;
  steps: readonly StartStep[];
  vars: Readonly<Record<string, string | undefined>>;
  note: (detail: string) => void;
  /** Called with every secret value a step is about to type, before it is typed (so the log redacts it). */
  addSecret: (value: string) => void;
  /** Gains the selector of every field filled with a secret (clearSecretFields empties them at the end). */
  secretFields: string[];
}

function describeStep(step: StartStep, secret: boolean): string {
  switch (step.action) {
    case 'fill':
    case 'select':
      return `${step.action} ${step.selector}=${secret ? '(secret)' : step.value}`;
    case 'press':
      return `press ${step.key}`;
    case 'goto':
      return `goto ${step.url}`;
    case 'sleep':
      return `sleep ${step.ms} ms`;
    default:
      return `${step.action} ${step.selector}`;
  }
}

async function fillSecret(page: Page, selector: string, value: string): Promise<void> {
  const field = page.locator(selector);
  await field.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  // As the browser's autofill does: set the value through the native setter and fire input/change, so frameworks
  // that track the field (React, Vue) see it. Unlike locator.fill, the value is not part of an API step title.
  await field.evaluate((element, text) => {
    const input = element as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set;
    if (setter) setter.call(input, text);
    else input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

export async function runStartSteps(options: RunStartStepsOptions): Promise<void> {
  const { page, steps, vars, note, secretFields } = options;
  for (const [index, step] of steps.entries()) {
    const raw = step.action === 'fill' || step.action === 'select' ? step.value : step.action === 'goto' ? step.url : '';
    const secret = stepVariables(raw).some((name) => SECRET_NAME.test(name));
    const label = `start step ${index + 1}: ${describeStep(step, secret)}`;
    let value = '';
    try {
      value = raw ? resolveStepValue(raw, vars) : '';
    } catch (error) {
      throw new StartStepError(`SOAK_START_STEPS ${label}: ${(error as Error).message}`);
    }
    if (secret && value) options.addSecret(value);
    try {
      switch (step.action) {
        case 'click':
          await page.click(step.selector, { timeout: STEP_TIMEOUT_MS });
          break;
        case 'check':
          await page.check(step.selector, { timeout: STEP_TIMEOUT_MS });
          break;
        case 'wait':
          await page.waitForSelector(step.selector, { state: 'visible', timeout: STEP_TIMEOUT_MS });
          break;
        case 'fill':
          if (secret) {
            secretFields.push(step.selector);
            await fillSecret(page, step.selector, value);
          } else await page.fill(step.selector, value, { timeout: STEP_TIMEOUT_MS });
          break;
        case 'select':
          await page.selectOption(step.selector, value, { timeout: STEP_TIMEOUT_MS });
          break;
        case 'press':
          await page.keyboard.press(step.key);
          break;
        case 'goto':
          await openPage(page, value, secret || carriesSecret(value));
          break;
        case 'sleep':
          await page.waitForTimeout(step.ms);
          break;
      }
    } catch (error) {
      const first = ((error as Error).message ?? String(error)).split('\n')[0];
      throw new StartStepError(`SOAK_START_STEPS ${label} failed: ${first}`);
    }
    note(label);
  }
}

/**
 * Empties the fields a run filled with secrets, before the page is closed: Playwright's failure snapshot of the page
 * (error-context.md, also embedded in the HTML report) prints input values, password fields included.
 */
export async function clearSecretFields(page: Page, selectors: readonly string[]): Promise<void> {
  if (page.isClosed()) return;
  for (const selector of selectors) {
    const cleared = page.locator(selector).evaluateAll((elements) => {
      for (const element of elements) (element as HTMLInputElement).value = '';
    });
    // A page stuck in a busy loop or a crashed renderer never answers: bounded, the page goes away anyway.
    await Promise.race([cleared.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2_000))]);
  }
}
