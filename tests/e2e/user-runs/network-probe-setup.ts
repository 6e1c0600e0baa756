/**
 * A SOAK_SETUP module for the isolated soak (network-isolation.spec.ts). From inside the run it writes what the
 * network looks like to $NETWORK_PROBE_OUT (JSON), for the test to judge:
 *  - the interfaces in /proc/net/dev of the worker process (the harness);
 *  - the network namespace of the worker and of every Chromium process (pids from SystemInfo.getProcessInfo);
 *  - a TCP connect to 192.0.2.1:9 (TEST-NET-1, never routed): its error and how long it took. Tried only when lo is
 *    the only interface, so a run that is not isolated never sends it;
 * and, under the same condition, has the page ask for http://192.0.2.1/ (the SOAK_LOOPBACK_ONLY guard aborts it and
 * logs it, so the report names the host).
 */
import { readlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { SoakSetup } from '../../../fixtures/soak-fixtures.ts';
import { networkInterfaceNames } from '../../../harness/setup/network-interfaces.ts';

export const REMOTE_ADDRESS = '192.0.2.1';

export interface NetworkProbe {
  interfaces: string[] | null;
  workerNamespace: string;
  browserNamespaces: string[];
  connect: { code: string; elapsedMs: number } | 'not tried: not isolated';
  pageFetch: string;
}

function tryConnect(): Promise<{ code: string; elapsedMs: number }> {
  const startMs = performance.now();
  return new Promise((resolve) => {
    const socket = connect({ host: REMOTE_ADDRESS, port: 9, timeout: 5_000 });
    const done = (code: string) => {
      socket.destroy();
      resolve({ code, elapsedMs: performance.now() - startMs });
    };
    socket.once('connect', () => done('connected'));
    socket.once('timeout', () => done('timeout'));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}

async function browserPids(page: Parameters<SoakSetup>[0]['page']): Promise<number[]> {
  const session = await page.context().browser()!.newBrowserCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { id: number }[] };
  await session.detach();
  return processInfo.map((info) => info.id);
}

const namespaceOf = (pid: number | 'self') => {
  try {
    return readlinkSync(`/proc/${pid}/ns/net`);
  } catch (error) {
    return `unreadable: ${(error as Error).message}`;
  }
};

const setup: SoakSetup = async ({ page, settings }) => {
  const interfaces = networkInterfaceNames();
  const isolated = interfaces !== null && interfaces.length === 1 && interfaces[0] === 'lo';
  const probe: NetworkProbe = {
    interfaces,
    workerNamespace: namespaceOf('self'),
    browserNamespaces: (await browserPids(page)).map(namespaceOf),
    connect: isolated ? await tryConnect() : 'not tried: not isolated',
    pageFetch: isolated
      ? await page.evaluate(
          (url) =>
            fetch(url).then(
              (r) => `status ${r.status}`,
              (e: unknown) => String(e),
            ),
          `http://${REMOTE_ADDRESS}/`,
        )
      : 'not tried: not isolated',
  };
  writeFileSync(settings.env.NETWORK_PROBE_OUT!, JSON.stringify(probe, null, 2));
};
export default setup;
