/**
 * Puts the in-page redirect (websocket-redirect-page.ts) on a page, before the monitor's init script so the
 * monitor wraps the redirected, real socket, and turns its reports into harness records:
 * 'note' `redirect-ws FROM -> TO` (credentials dropped, URLs redacted) and 'blocked' {url, channel: 'ws'}.
 */
import type { Page } from '@playwright/test';
import type { HarnessClock } from './recording/harness-clock.ts';
import type { RecordSink } from './recording/record-sink.ts';
import { installWebSocketRedirectInPage, type WebSocketRedirectReport } from './websocket-redirect-page.ts';
import type { WebSocketRedirectConfig } from './websocket-redirect-rules.ts';

export async function installWebSocketRedirect(options: {
  page: Page;
  config: WebSocketRedirectConfig;
  sink: Pick<RecordSink, 'write'>;
  clock: Pick<HarnessClock, 'nowMs'>;
}): Promise<void> {
  const { page, config, sink, clock } = options;
  if (config.rules.length === 0 && !config.blockRemote) return;
  await page.exposeBinding('__voiceSoakWebSocketRedirect', (_source, report: WebSocketRedirectReport) => {
    const tMs = clock.nowMs();
    if (report.action === 'blocked') {
      sink.write({ type: 'harness', tMs, kind: 'blocked', detail: `ws ${report.from}`, data: { url: report.from, channel: 'ws' } });
      return;
    }
    const dropped = [
      report.droppedProtocols ? `${report.droppedProtocols} credential subprotocol(s)` : '',
      report.droppedParams.length ? `query ${report.droppedParams.join(', ')}` : '',
    ].filter(Boolean);
    sink.write({
      type: 'harness',
      tMs,
      kind: 'note',
      detail: `redirect-ws ${report.from} -> ${report.to}${dropped.length ? ` (dropped ${dropped.join('; ')})` : ''}`,
    });
  });
  await page.addInitScript(installWebSocketRedirectInPage, config);
}
