/**
 * The classic script build (voice-soak-monitor.js): installs itself on load with options from
 * window.VOICE_SOAK_MONITOR_OPTIONS and the script tag's data-attributes, and exposes globalThis.voiceSoakMonitor.
 * Safe to inject with page.addInitScript({ path }) before any page script runs, and to load twice.
 */
import { analyze } from '../analyze/analyze.ts';
import { renderText } from '../render/render-text.ts';
import { installMonitorWith } from './install-monitor.ts';
import { readScriptOptions } from './read-script-options.ts';

const script = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null) : null;
const globalOptions = (globalThis as { VOICE_SOAK_MONITOR_OPTIONS?: unknown }).VOICE_SOAK_MONITOR_OPTIONS;
installMonitorWith({ analyze, renderText }, readScriptOptions(globalOptions, script));
