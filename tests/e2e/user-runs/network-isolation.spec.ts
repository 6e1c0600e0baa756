/**
 * SOAK_ISOLATE_NETWORK=1 through the user's path: a short soak of the embedded target (`playwright test
 * tests/memory-monitor.spec.ts`, the main config, whose webServer starts the target) runs again inside a network
 * namespace with only loopback, and passes. Its realtime socket goes, as the user asked (SOAK_REDIRECT_WS +
 * SOAK_REALTIME_URL), to a realtime server this test runs outside the namespace, on this side's 127.0.0.1: reached
 * through the loopback bridge. From inside the run (network-probe-setup.ts): lo is the only interface, the browser's
 * processes share the harness's namespace (not this test's), a connect to a non-loopback address fails at once; the
 * page's request to that address is aborted by the loopback guard and the report names it; the log header says the
 * run was isolated. Skipped where the machine cannot make a network namespace.
 */
import { mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { checkNamespaceWorks, NETWORK_NAMESPACE_MARKER } from '../../../harness/setup/network-namespace.ts';
import { ISOLATED_NETWORK } from '../../../harness/setup/network-interfaces.ts';
import { REMOTE_ADDRESS, type NetworkProbe } from './network-probe-setup.ts';
import { runUserSoak, turnCoverage } from './run-user-soak.ts';
import { startRealtimeServer } from '../../../reference/server/start-realtime-server.ts';

function namespaceUnavailable(): string | null {
  try {
    checkNamespaceWorks(process.getuid?.() ?? -1);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

test('an isolated soak (SOAK_ISOLATE_NETWORK=1) passes with only lo, reaches the realtime server it was told to use outside, and nothing else', async () => {
  test.setTimeout(150_000);
  const unavailable = namespaceUnavailable();
  test.skip(unavailable !== null, unavailable ?? '');
  const out = mkdtempSync(join(tmpdir(), 'voice-soak-isolated-'));
  const probePath = join(out, 'network-probe.json');
  const outside = await startRealtimeServer({ appDir: false, replyScale: 0.25 });
  const run = await runUserSoak(out, {
    SOAK_ISOLATE_NETWORK: '1',
    // This test's own run may be isolated already (.ci/run): the soak still enters a namespace of its own.
    [NETWORK_NAMESPACE_MARKER]: '',
    SOAK_REDIRECT_WS: 'ws://127.0.0.1:*/v1/realtime*',
    SOAK_REALTIME_URL: outside.wsUrl,
    SOAK_SETUP: join(import.meta.dirname, 'network-probe-setup.ts'),
    NETWORK_PROBE_OUT: probePath,
  }).finally(() => outside.close());
  expect(run.code, run.explain).toBe(0);
  expect(run.header.meta.network).toBe(ISOLATED_NETWORK);
  expect(run.header.meta.realtime).toBe(`explicit ${outside.wsUrl}`);
  expect(turnCoverage(run.records).withTtfr, run.explain).toBeGreaterThanOrEqual(4);
  const bridged = run.records.filter((r) => r.type === 'ws' && r.url.startsWith(`ws://127.0.0.1:${outside.port}/`));
  expect(Math.max(0, ...bridged.map((r) => (r.type === 'ws' ? r.framesReceived : 0))), 'frames from the server outside').toBeGreaterThan(20);

  const probe = JSON.parse(readFileSync(probePath, 'utf8')) as NetworkProbe;
  expect(probe.interfaces).toEqual(['lo']);
  expect(probe.browserNamespaces.length).toBeGreaterThan(0);
  for (const namespace of probe.browserNamespaces) expect(namespace).toBe(probe.workerNamespace);
  expect(probe.workerNamespace).not.toBe(readlinkSync('/proc/self/ns/net'));
  expect(probe.connect).toMatchObject({ code: 'ENETUNREACH' });
  expect((probe.connect as { elapsedMs: number }).elapsedMs).toBeLessThan(1_000);

  expect(probe.pageFetch).toMatch(/TypeError: Failed to fetch/);
  const remote = run.report?.issues.find((issue) => issue.id === 'remote-requests');
  expect(remote?.message, run.explain).toContain(`http://${REMOTE_ADDRESS}/`);
  rmSync(out, { recursive: true, force: true });
});
