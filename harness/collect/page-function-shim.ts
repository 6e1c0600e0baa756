/**
 * Functions the harness passes to page.addInitScript / page.evaluate are sent as source text. Under tsx (the CLI,
 * benchmarks, child processes) esbuild's keepNames wraps named inner functions in `__name(fn, "name")`, a helper
 * that does not exist in the page: without this shim those functions throw ReferenceError in the page.
 * (Playwright's own test runner does not add it, so tests alone would never show the problem.)
 */
import type { Page } from '@playwright/test';

export const PAGE_FUNCTION_SHIM = 'globalThis.__name ??= (target) => target;';

export async function installPageFunctionShim(page: Page): Promise<void> {
  await page.addInitScript({ content: PAGE_FUNCTION_SHIM });
}
