/**
 * SOAK_ISOLATE_NETWORK: the setting, the command line that enters the namespace, the one-line exit 69 where the
 * machine cannot make one (a stand-in `unshare` that fails as a locked-down kernel does, and no unshare at all), the
 * inner run's exit code passed on, and the header's meta.network read from /proc/net/dev.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { settingsFromEnv } from '../../../harness/config/settings.ts';
import { checkNamespaceWorks, namespaceArgs, NETWORK_NAMESPACE_MARKER, needsNetworkNamespace } from '../../../harness/setup/network-namespace.ts';
import { describeNetwork, ISOLATED_NETWORK, networkInterfaceNames } from '../../../harness/setup/network-interfaces.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'voice-soak-netns-'));
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function listTests(env: Record<string, string>, file: string) {
  return spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', '--list', '--project=unit', file], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, SOAK_DEBUG: '', [NETWORK_NAMESPACE_MARKER]: '', SOAK_ISOLATE_NETWORK: '1', ...env },
  });
}

test('the namespace is entered once, with lo brought up, as root with -n and as another user with -r -n', () => {
  expect(needsNetworkNamespace(true, {})).toBe(true);
  expect(needsNetworkNamespace(true, { [NETWORK_NAMESPACE_MARKER]: '1' })).toBe(false);
  expect(needsNetworkNamespace(false, {})).toBe(false);
  expect(settingsFromEnv({ SOAK_ISOLATE_NETWORK: '1' }).isolateNetwork).toBe(true);
  expect(() => settingsFromEnv({ SOAK_ISOLATE_NETWORK: 'maybe' })).toThrow(/^SOAK_ISOLATE_NETWORK: .*"1".*, got "maybe"$/);
  const has = (path: string) => path === '/usr/sbin/ip' || path === '/usr/bin/setpriv';
  expect(namespaceArgs(['node', 'cli.js', 'test'], 0, has)).toEqual([
    '-n',
    '--',
    '/usr/bin/setpriv',
    '--pdeathsig',
    'TERM',
    '--',
    'sh',
    '-c',
    '/usr/sbin/ip link set lo up && exec "$@"',
    'sh',
    'node',
    'cli.js',
    'test',
  ]);
  expect(namespaceArgs(['true'], 1000, () => false)).toEqual(['-r', '-n', '--', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh', 'true']);
});

test('a machine that cannot make a namespace: one line naming why, exit 69, no stack trace', () => {
  const bin = join(scratch, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'unshare'), '#!/bin/sh\necho "unshare: unshare failed: Operation not permitted" >&2\nexit 1\n');
  chmodSync(join(bin, 'unshare'), 0o755);
  const run = listTests({ PATH: `${bin}:${process.env.PATH}` }, 'tests/unit/config/env-example.test.ts');
  expect(run.status, run.stdout + run.stderr).toBe(69);
  expect(run.stderr.trim()).toBe(
    'voice-soak: SOAK_ISOLATE_NETWORK=1: this machine cannot make a network namespace (unshare: unshare failed: Operation not permitted); run without SOAK_ISOLATE_NETWORK, or allow it (root, or unprivileged user namespaces: sysctl kernel.unprivileged_userns_clone=1)',
  );
  const path = process.env.PATH;
  process.env.PATH = join(scratch, 'no-such-dir');
  try {
    expect(() => checkNamespaceWorks(0)).toThrow(
      /^SOAK_ISOLATE_NETWORK=1: this machine cannot make a network namespace: unshare \(util-linux\) is not installed; /,
    );
  } finally {
    process.env.PATH = path;
  }
});

test('the run inside the namespace is the run: its output and exit code come through', () => {
  try {
    checkNamespaceWorks(process.getuid?.() ?? -1);
  } catch (error) {
    test.skip(true, (error as Error).message);
  }
  const none = listTests({}, 'tests/unit/no-such.test.ts');
  expect(none.status, none.stdout + none.stderr).toBe(1);
  expect(none.stderr).toContain('No tests found');
});

test('meta.network is read from the interfaces this process has, not from a setting', () => {
  const procNetDev = join(scratch, 'dev');
  const header = 'Inter-|   Receive\n face |bytes    packets\n';
  writeFileSync(procNetDev, `${header}    lo: 0 0\n`);
  expect(networkInterfaceNames(procNetDev)).toEqual(['lo']);
  expect(describeNetwork(false, networkInterfaceNames(procNetDev))).toBe(ISOLATED_NETWORK);
  writeFileSync(procNetDev, `${header}    lo: 0 0\n  eth0: 1 2\n`);
  expect(describeNetwork(false, networkInterfaceNames(procNetDev))).toBe('host network (lo, eth0)');
  expect(describeNetwork(true, networkInterfaceNames(procNetDev))).toBe('host network (lo, eth0); requests to other hosts aborted (SOAK_LOOPBACK_ONLY)');
  expect(describeNetwork(true, null)).toBe('host network; requests to other hosts aborted (SOAK_LOOPBACK_ONLY)');
  expect(networkInterfaceNames(join(scratch, 'missing'))).toBeNull();
});
