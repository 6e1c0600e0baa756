/**
 * Installs the monitor once per page as globalThis.voiceSoakMonitor (a second call returns the first monitor
 * unchanged) and mounts the panel when the DOM is ready (the classic script may run from page.addInitScript,
 * before <html> exists).
 */
import { createMonitor, type MonitorDeps, type VoiceSoakMonitor } from './create-monitor.ts';
import type { MonitorOptions } from './monitor-options.ts';
import { mountPanel, type PanelHandle } from './panel/mount-panel.ts';

export type InstalledMonitor = VoiceSoakMonitor & { panel: PanelHandle | null };

interface MonitorGlobal {
  voiceSoakMonitor?: InstalledMonitor;
}

function whenDomReady(run: () => void): void {
  if (typeof document === 'undefined') return;
  if (document.readyState !== 'loading' && document.documentElement) run();
  else document.addEventListener('DOMContentLoaded', run, { once: true });
}

export function installMonitorWith(deps: MonitorDeps, options: MonitorOptions = {}): InstalledMonitor {
  const scope = globalThis as MonitorGlobal;
  const existing = scope.voiceSoakMonitor;
  if (existing && typeof existing.drain === 'function') return existing;
  const monitor = Object.assign(createMonitor(options, deps), { panel: null as PanelHandle | null });
  Object.defineProperty(scope, 'voiceSoakMonitor', { value: monitor, writable: false, configurable: true, enumerable: false });
  if (options.panel !== false) {
    whenDomReady(() => {
      try {
        monitor.panel = mountPanel(monitor, { corner: options.corner, collapsed: options.collapsed });
      } catch (error) {
        console.warn('voice-soak monitor: panel not shown:', error);
      }
    });
  }
  return monitor;
}
