/**
 * FetchText for heap-profile source maps: fetch() inside the page (its origin, cookies and network path), with a
 * size cap and a timeout, so a slow or huge asset never holds up the soak. Errors come back as text, never thrown.
 */
import type { Page } from '@playwright/test';
import type { FetchText } from './heap-profile-source-maps.ts';
import { withTimeout } from './browser-calls/with-timeout.ts';
import { quietEvaluate } from './browser-calls/quiet-evaluate.ts';

const MAX_CHARS = 20 * 1024 * 1024;

export function pageFetchText(page: Page, timeoutMs = 5_000): FetchText {
  return async (url) => {
    const fetched = quietEvaluate(
      page,
      async ({ target, maxChars }) => {
        try {
          const response = await fetch(target, { credentials: 'same-origin' });
          if (!response.ok) return { error: `HTTP ${response.status}` };
          const text = await response.text();
          if (text.length > maxChars) return { error: `larger than ${maxChars} characters` };
          return { text, sourceMapHeader: response.headers.get('SourceMap') ?? response.headers.get('X-SourceMap') };
        } catch (error) {
          return { error: String((error as Error)?.message ?? error) };
        }
      },
      { target: url, maxChars: MAX_CHARS },
    );
    return withTimeout(fetched, timeoutMs, `fetch ${url}`).catch((error: unknown) => ({ error: (error as Error).message.split('\n')[0] ?? 'failed' }));
  };
}
