/**
 * `voice-soak/monitor`: the in-page Performance Monitor's bundles, as files to serve or inject, e.g.
 * `page.addInitScript({ path: monitorScriptPath })` or a `<script src>` your dev server serves. The ES module build
 * (`voice-soak/monitor/module`, exporting installMonitor) and the classic script (`voice-soak/monitor/script`,
 * installs itself) are exported as files too.
 */
import { fileURLToPath } from 'node:url';

/** The classic-script bundle: installs the monitor when loaded. */
export const monitorScriptPath = fileURLToPath(new URL('../harness/monitor/dist/voice-soak-monitor.js', import.meta.url));
/** The ES module bundle: `import { installMonitor } from '/voice-soak-monitor.mjs'`. */
export const monitorModulePath = fileURLToPath(new URL('../harness/monitor/dist/voice-soak-monitor.mjs', import.meta.url));
export type { AppHooks, InstalledMonitor, MonitorOptions, PanelCorner } from '../harness/monitor/entry-esm.ts';
