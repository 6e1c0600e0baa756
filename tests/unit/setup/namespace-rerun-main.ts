/**
 * A stand-in for the Playwright runner in namespace-signals.test.ts: calls rerunInNetworkNamespace() as the config
 * does; the copy inside the namespace prints its interfaces, then waits for a stop signal and writes down which one
 * came ($NAMESPACE_TEST_OUT) before exiting 143.
 */
import { writeFileSync } from 'node:fs';
import { networkInterfaceNames } from '../../../harness/setup/network-interfaces.ts';
import { NETWORK_NAMESPACE_MARKER, rerunInNetworkNamespace } from '../../../harness/setup/network-namespace.ts';

if (process.env[NETWORK_NAMESPACE_MARKER] !== '1') {
  await rerunInNetworkNamespace();
} else {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      writeFileSync(process.env.NAMESPACE_TEST_OUT!, signal);
      process.exit(143);
    });
  }
  console.log(JSON.stringify({ interfaces: networkInterfaceNames() }));
  setTimeout(() => process.exit(0), 30_000); // a test that went wrong leaves nothing behind for long
}
