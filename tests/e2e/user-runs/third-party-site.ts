/**
 * tests/third-party-clients served as static files on 127.0.0.1 for a spec's tests (started before them, closed
 * after). Call useThirdPartySite() once at a spec's top level; its url() is the site's root, ending in '/'.
 */
import { join } from 'node:path';
import { test } from '@playwright/test';
import { serveStaticDir, type StaticServer } from '../soak/serve-static-dir.ts';

export const THIRD_PARTY_CLIENTS_DIR = join(import.meta.dirname, '..', '..', 'third-party-clients');

export function useThirdPartySite(): { url(): string } {
  let site: StaticServer | undefined;
  test.beforeAll(async () => {
    site = await serveStaticDir(THIRD_PARTY_CLIENTS_DIR);
  });
  test.afterAll(async () => {
    await site?.close();
  });
  return {
    url: () => {
      if (!site) throw new Error('third-party site not started (useThirdPartySite() belongs at the top of the spec)');
      return site.url;
    },
  };
}
