/**
 * page-trace-guard against a real Playwright trace, recorded as the test runner records one with --trace=on
 * (tracing.start with snapshots, then stopChunk to a path at the end): a page whose traffic held no secret keeps
 * its trace, network entries included; a page that sent an Authorization header and got an ephemeral key back has
 * its trace dropped, with a note naming both kinds, and the runner's closing stopChunk still works and holds no key;
 * a key only printed to the console drops it too; with no trace running, nothing is said and no trace is started.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { guardPageTrace } from '../../../harness/collect/redact/page-trace-guard.ts';
import { findSecretInArtifacts } from '../user-runs/find-secret-in-artifacts.ts';
import { startSessionKeyBackend } from '../user-runs/session-key-backend.ts';

const HEADER_KEY = 'sk-guardtest-0123456789abcdef';
const EPHEMERAL_KEY = 'ek_guardtest0123456789abcdef';

test('a trace is kept for a page without secrets and dropped, with a note, for one that sent and received keys', async ({ browser }) => {
  const backend = await startSessionKeyBackend(`Bearer ${HEADER_KEY}`, EPHEMERAL_KEY);
  const dir = mkdtempSync(join(tmpdir(), 'voice-soak-trace-guard-'));
  try {
    const notes: Array<string | null> = [];
    for (const authorization of ['', `Bearer ${HEADER_KEY}`]) {
      const context = await browser.newContext();
      await context.tracing.start({ snapshots: true, screenshots: true });
      const page = await context.newPage();
      const guard = await guardPageTrace(page, []);
      await page.goto(backend.url);
      // The page's own fetch: with no header the backend answers 401 without a key.
      await page.evaluate(
        async (auth) => void (await (await fetch('/session', { method: 'POST', headers: auth ? { Authorization: auth } : {} })).text()),
        authorization,
      );
      notes.push(await guard.finish());
      await context.tracing.stopChunk({ path: join(dir, authorization ? 'with-keys.zip' : 'without-keys.zip') });
      await context.close();
    }
    expect(backend.counts).toEqual({ minted: 1, refused: 1 });
    expect(notes[0]).toBeNull();
    expect(notes[1]).toMatch(/^trace off: the page handled secrets \(an Authorization header on a request; a key in a response body\)/);
    // Kept: the network entries of the page's requests are in the trace. Dropped: none, and no key anywhere.
    expect(findSecretInArtifacts(dir, '"resource-snapshot"').map((hit) => hit.slice(dir.length + 1))).toEqual(['without-keys.zip!trace.network']);
    expect(findSecretInArtifacts(dir, HEADER_KEY)).toEqual([]);
    expect(findSecretInArtifacts(dir, EPHEMERAL_KEY)).toEqual([]);

    // A key the page only prints to its console (a trace keeps console messages).
    const logging = await browser.newContext();
    await logging.tracing.start({ snapshots: true });
    const loggingPage = await logging.newPage();
    const loggingGuard = await guardPageTrace(loggingPage, []);
    await loggingPage.goto(backend.url);
    await loggingPage.evaluate((key) => console.log('session key', key), EPHEMERAL_KEY);
    expect(await loggingGuard.finish()).toMatch(/^trace off: the page handled secrets \(a key in a console message\)/);
    await logging.tracing.stopChunk({ path: join(dir, 'console.zip') });
    await logging.close();
    expect(findSecretInArtifacts(dir, EPHEMERAL_KEY)).toEqual([]);

    // Without a trace running, a page with secrets gets no note, and no trace is left started by the check.
    const untraced = await browser.newContext();
    const page = await untraced.newPage();
    const guard = await guardPageTrace(page, []);
    await page.goto(backend.url);
    await page.evaluate(async (auth) => void (await fetch('/session', { method: 'POST', headers: { Authorization: auth } })), `Bearer ${HEADER_KEY}`);
    expect(await guard.finish()).toBeNull();
    await expect(untraced.tracing.stopChunk({ path: join(dir, 'untraced.zip') })).rejects.toThrow(/Must start tracing/);
    await untraced.close();
  } finally {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
