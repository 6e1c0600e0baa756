/**
 * Options for the classic script: window.VOICE_SOAK_MONITOR_OPTIONS (an object), overridden by data-attributes of
 * the <script> tag: data-panel="false", data-corner="top-left", data-collapsed="false", data-adaptive="true",
 * data-target-kind="embedded", data-thresholds='{"responseTimeoutMs":15000}'. Bad values are named and ignored.
 */
import type { MonitorOptions } from './monitor-options.ts';
import { isCorner } from './panel/panel-corner.ts';

const bool = (value: string | undefined) => (value === undefined ? undefined : value !== 'false' && value !== '0');

export function readScriptOptions(
  globalOptions: unknown,
  script: { dataset: DOMStringMap } | null,
  warn: (message: string) => void = (m) => console.warn(m),
): MonitorOptions {
  const options: MonitorOptions = globalOptions && typeof globalOptions === 'object' ? { ...(globalOptions as MonitorOptions) } : {};
  const data = script?.dataset ?? {};
  const panel = bool(data.panel);
  if (panel !== undefined) options.panel = panel;
  const collapsed = bool(data.collapsed);
  if (collapsed !== undefined) options.collapsed = collapsed;
  const adaptive = bool(data.adaptive);
  if (adaptive !== undefined) options.adaptive = adaptive;
  if (data.corner !== undefined) {
    if (isCorner(data.corner)) options.corner = data.corner;
    else warn(`voice-soak monitor: data-corner="${data.corner}" is not one of bottom-right, bottom-left, top-right, top-left`);
  }
  if (data.targetKind === 'embedded' || data.targetKind === 'external') options.targetKind = data.targetKind;
  if (data.thresholds !== undefined) {
    try {
      options.thresholds = { ...options.thresholds, ...(JSON.parse(data.thresholds) as object) };
    } catch {
      warn('voice-soak monitor: data-thresholds is not valid JSON; ignored');
    }
  }
  return options;
}
