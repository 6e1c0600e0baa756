/**
 * The page URL a run opens: for the embedded target, the run's faults (SOAK_FAULTS / the `faults` fixture option)
 * go into the app's `?faults=` parameter, which the reference app applies (app-side faults) and forwards to its
 * realtime server (server-side faults). Faults already on the URL are kept; the run's are appended. An external
 * target's URL is never changed (its faults, if any, are the caller's business).
 */
import { faultEntries } from '../log/fault-entries.ts';

export function targetUrlWithFaults(targetUrl: string, faults: string, embedded: boolean): string {
  const wanted = faultEntries(faults);
  if (!embedded || wanted.length === 0) return targetUrl;
  const url = new URL(targetUrl);
  const present = faultEntries(url.searchParams.get('faults') ?? '');
  url.searchParams.set('faults', [...present, ...wanted.filter((f) => !present.includes(f))].join(','));
  return url.toString();
}
