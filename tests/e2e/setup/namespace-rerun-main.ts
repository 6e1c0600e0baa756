/**
 * A stand-in for the Playwright runner in namespace-signals.test.ts and loopback-bridge.test.ts: calls
 * rerunInNetworkNamespace() as the config does, naming $NAMESPACE_TEST_REACH as a server the run is told to use. The
 * copy inside the namespace opens the bridges, prints one JSON line (its interfaces, and what GET of
 * $NAMESPACE_TEST_REACH and of $NAMESPACE_TEST_UNNAMED gave), then waits for a stop signal and writes down which one
 * came ($NAMESPACE_TEST_OUT) before exiting 143.
 */
import { writeFileSync } from 'node:fs';
import { openInnerBridges } from '../../../harness/setup/loopback-bridge.ts';
import { networkInterfaceNames } from '../../../harness/setup/network-interfaces.ts';
import { NETWORK_NAMESPACE_MARKER, rerunInNetworkNamespace } from '../../../harness/setup/network-namespace.ts';

const get = (url: string | undefined) =>
  url
    ? fetch(url).then(
        (res) => res.text(),
        (error: Error & { cause?: { code?: string } }) => `failed: ${error.cause?.code ?? error.message}`,
      )
    : Promise.resolve(null);

if (process.env[NETWORK_NAMESPACE_MARKER] !== '1') {
  await rerunInNetworkNamespace({ NAMESPACE_TEST_REACH: process.env.NAMESPACE_TEST_REACH });
} else {
  await openInnerBridges();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (process.env.NAMESPACE_TEST_OUT) writeFileSync(process.env.NAMESPACE_TEST_OUT, signal);
      process.exit(143);
    });
  }
  const [reached, unnamed] = [await get(process.env.NAMESPACE_TEST_REACH), await get(process.env.NAMESPACE_TEST_UNNAMED)];
  console.log(JSON.stringify({ interfaces: networkInterfaceNames(), reached, unnamed }));
  setTimeout(() => process.exit(0), 30_000); // a test that went wrong leaves nothing behind for long
}
