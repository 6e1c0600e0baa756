/**
 * Playwright globalSetup, before any browser opens:
 *  - an explicit SOAK_REALTIME_URL must answer a WebSocket handshake (one line and exit 69 when it does not: a soak
 *    against a server that is not there would measure nothing);
 *  - an X server for headed runs when DISPLAY is unset (also for the plain
 *    `npx playwright test tests/memory-monitor.spec.ts --headed` line). Workers inherit process.env.DISPLAY;
 *  - SIGTERM stops the run as SIGINT does, so it leaves its reports and summary (playwright.config.ts installs this
 *    earlier too, to cover the webServer's start; a suite with its own config gets it from here).
 */
import { stopGracefullyOnSigterm } from '../setup/graceful-sigterm.ts';
import { loadSettings } from '../config/settings.ts';
import { probeRealtimeUrl } from '../collect/probe-realtime-url.ts';
import { explicitRealtimeUrl } from '../collect/resolve-realtime-target.ts';
import { exitWithError } from '../setup/exit-with-error.ts';
import { runIncludesSoak, runNeedsDisplay } from '../setup/run-selection.ts';
import { startXvfb } from '../setup/start-xvfb.ts';

export default async function globalSetup(): Promise<(() => void) | undefined> {
  stopGracefullyOnSigterm();
  const settings = loadSettings();
  const realtimeUrl = explicitRealtimeUrl(settings);
  if (realtimeUrl && runIncludesSoak()) await probeRealtimeUrl(realtimeUrl).catch((error: unknown) => exitWithError(error, 69));
  if (process.env.DISPLAY || process.platform !== 'linux') return undefined;
  if (!runNeedsDisplay()) return undefined;
  try {
    const server = await startXvfb();
    process.env.DISPLAY = server.display;
    return () => server.stop();
  } catch (error) {
    exitWithError(error, 69);
  }
}
