/**
 * A SOAK_SETUP module as a user writes one (README "Pointing it at your own app"): it types the endpoint the app
 * asks for, from a variable of the user's own.
 */
import type { SoakSetup } from '../../../fixtures/soak-fixtures.ts';

const setup: SoakSetup = async ({ page, settings }) => {
  await page.locator('#endpoint').fill(settings.env.AZURE_OPENAI_ENDPOINT ?? '');
};

export default setup;
