/** The collectors' one lifecycle: installed and started in list order, stopped in reverse, only those installed. */
import { expect, test } from '@playwright/test';
import { collectorLifecycle, type SessionCollector } from '../../../harness/collect/session-collector.ts';

function collector(name: string, calls: string[], failInstall = false): SessionCollector {
  return {
    name,
    install: async () => {
      if (failInstall) throw new Error(`${name} failed`);
      calls.push(`install ${name}`);
    },
    start: async () => void calls.push(`start ${name}`),
    stop: async (outcome) => void calls.push(`stop ${name} ${outcome}`),
  };
}

test('install and start in list order, stop in reverse, once', async () => {
  const calls: string[] = [];
  const lifecycle = collectorLifecycle([collector('shim', calls), { name: 'no hooks' }, collector('sampler', calls)]);
  await lifecycle.install();
  await lifecycle.start();
  await lifecycle.stop('ran');
  await lifecycle.stop('ran');
  expect(calls).toEqual(['install shim', 'install sampler', 'start shim', 'start sampler', 'stop sampler ran', 'stop shim ran']);
});

test('a failed install: the collectors installed before it are stopped as failed-to-start, the rest never', async () => {
  const calls: string[] = [];
  const lifecycle = collectorLifecycle([collector('mic', calls), collector('redirect', calls), collector('monitor', calls, true), collector('sampler', calls)]);
  await expect(lifecycle.install()).rejects.toThrow('monitor failed');
  await lifecycle.stop('failed-to-start');
  expect(calls).toEqual(['install mic', 'install redirect', 'stop redirect failed-to-start', 'stop mic failed-to-start']);
});
