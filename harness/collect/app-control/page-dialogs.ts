/**
 * A dialog the page raises (alert, confirm, prompt, beforeunload) is never dismissed silently: it is written to
 * the log as a harness 'dialog' record (the report's page-dialogs finding), then accepted (OK / the prompt's
 * default), as a person clicking through would, so the run can go on.
 */
import type { Dialog, Page } from '@playwright/test';
import type { HarnessEvent } from '../../log/log-schema.ts';

export function recordPageDialogs(page: Page, write: (record: HarnessEvent) => void, nowMs: () => number): void {
  page.on('dialog', (dialog: Dialog) => {
    const message = dialog.message().slice(0, 1000);
    write({
      type: 'harness',
      tMs: nowMs(),
      kind: 'dialog',
      detail: `${dialog.type()}: ${message}`,
      data: { dialogType: dialog.type(), message, action: 'accepted' },
    });
    dialog.accept().catch(() => undefined);
  });
}
