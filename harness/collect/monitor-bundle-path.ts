/** The in-page monitor bundle (classic script), built once per process with the monitor's own buildMonitor(). */
import { buildMonitor } from '../monitor/build-monitor.ts';

let built: Promise<string> | undefined;

export function monitorBundlePath(): Promise<string> {
  built ??= buildMonitor().then((result) => result.iifePath);
  return built;
}
