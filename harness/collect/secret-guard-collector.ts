/**
 * Keeping the run's secrets out of Playwright's artifacts, as one collector: from before the page opens it watches
 * for secrets (redact/page-trace-guard.ts); at the end it empties the fields a start step filled with a secret
 * (Playwright's failure snapshot prints input values) and drops the page's trace if the page handled secrets, with
 * a note saying so.
 */
import type { Page } from '@playwright/test';
import { clearSecretFields } from './app-control/run-start-steps.ts';
import { guardPageTrace, type PageTraceGuard } from './redact/page-trace-guard.ts';
import type { SessionCollector } from './session-collector.ts';

export interface SecretGuardCollector extends SessionCollector {
  /** A kind of secret the harness handed the page itself (e.g. the API key given to SOAK_SETUP). */
  add(kind: string): void;
  /** After stop(): the note saying the trace was dropped, or null. */
  traceOffNote(): string | null;
}

export function secretGuardCollector(input: {
  page: Page;
  secrets: readonly string[];
  secretFields: readonly string[];
  note: (detail: string) => void;
}): SecretGuardCollector {
  const { page } = input;
  let guard: PageTraceGuard | undefined;
  let traceOffNote: string | null = null;
  return {
    name: 'secret guard (page trace, secret fields)',
    add: (kind) => guard?.add(kind),
    traceOffNote: () => traceOffNote,
    async install() {
      // From before the page opens: a secret in its URL, traffic or typed values keeps a Playwright trace off.
      guard = await guardPageTrace(page, input.secrets);
    },
    async stop() {
      await clearSecretFields(page, input.secretFields);
      traceOffNote = (await guard?.finish()) ?? null;
      if (traceOffNote) input.note(traceOffNote);
    },
  };
}
