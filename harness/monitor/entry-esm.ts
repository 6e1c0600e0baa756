/** The ES module build (voice-soak-monitor.mjs): `import { installMonitor } from '/monitor/voice-soak-monitor.mjs'`. */
import { analyze } from '../analyze/analyze.ts';
import { renderText } from '../render/render-text.ts';
import { installMonitorWith, type InstalledMonitor } from './install-monitor.ts';
import type { MonitorOptions } from './monitor-options.ts';

export type { AppHooks, MonitorOptions } from './monitor-options.ts';
export type { PanelCorner } from './panel/panel-corner.ts';
export type { InstalledMonitor } from './install-monitor.ts';

export function installMonitor(options: MonitorOptions = {}): InstalledMonitor {
  return installMonitorWith({ analyze, renderText }, options);
}
