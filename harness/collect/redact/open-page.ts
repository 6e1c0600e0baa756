/**
 * Opens a URL in the page. page.goto writes its URL into Playwright's step title ("Navigate to ..."), which the HTML
 * report and traces keep, so a URL that carries a secret (a key in its query, or a value from a secret variable) is
 * opened from inside the page instead, where only the page sees it. Any other URL is a plain goto.
 */
import type { Page } from '@playwright/test';

export async function openPage(page: Page, url: string, carriesSecret: boolean): Promise<void> {
  if (!carriesSecret) {
    await page.goto(url, { waitUntil: 'load' });
    return;
  }
  const loaded = page.waitForEvent('load', { timeout: 30_000 });
  await page
    .evaluate((target) => {
      location.href = target;
    }, url)
    .catch((error: unknown) => {
      if (!/context was destroyed|navigat/i.test(String(error))) throw error;
    });
  await loaded;
}
