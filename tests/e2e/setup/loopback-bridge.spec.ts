/**
 * An isolated run reaches the host's loopback servers that its settings name (your app at SOAK_TARGET_URL, your
 * SOAK_REALTIME_URL) through Unix-socket bridges, and no other: a server outside on a port nobody named is not there;
 * a named server that is not on loopback is a settings mistake.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { SettingsError } from '../../../harness/config/settings-error.ts';
import { loopbackEndpoints } from '../../../harness/setup/loopback-bridge.ts';
import { rerunInNetworkNamespace } from '../../../harness/setup/network-namespace.ts';
import { skipWithoutNamespace, startInNamespace } from './start-in-namespace.ts';

test('only loopback URLs are bridged, one per host and port, default ports filled in', () => {
  expect(
    loopbackEndpoints([
      'http://127.0.0.1:3000/app?x=1',
      'ws://127.0.0.1:3000/socket',
      'ws://localhost/v1',
      'wss://[::1]:9443/',
      'https://example.com/',
      'http://10.0.0.2:3000/',
      undefined,
      'not a url',
    ]),
  ).toEqual([
    { host: '127.0.0.1', port: 3000 },
    { host: 'localhost', port: 80 },
    { host: '::1', port: 9443 },
  ]);
});

const serve = (body: string) =>
  new Promise<{ server: Server; url: string }>((resolve) => {
    const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(body));
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }));
  });

test('inside the namespace, the named loopback server answers and an unnamed one does not', async () => {
  skipWithoutNamespace();
  const named = await serve('served outside');
  const unnamed = await serve('must not be reached');
  try {
    const run = await startInNamespace({ NAMESPACE_TEST_REACH: named.url, NAMESPACE_TEST_UNNAMED: unnamed.url });
    run.child.kill('SIGTERM');
    await run.exited;
    expect(run.line).toEqual({ interfaces: ['lo'], reached: 'served outside', unnamed: 'failed: ECONNREFUSED' });
  } finally {
    named.server.close();
    unnamed.server.close();
  }
});

test('an isolated run told to use a server that is not on loopback: one line naming the setting, exit 78, before anything starts', async () => {
  const error = await rerunInNetworkNamespace({
    SOAK_TARGET_URL: 'https://app.example.com/',
    SOAK_REALTIME_URL: 'ws://127.0.0.1:9000/',
    A_FILE_URL: 'file:///tmp/app.html',
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SettingsError);
  expect((error as SettingsError).exitCode).toBe(78);
  expect((error as SettingsError).message).toBe(
    "SOAK_TARGET_URL: https://app.example.com/ is not on this machine's loopback, and with SOAK_ISOLATE_NETWORK=1 the run reaches only loopback servers",
  );
});
