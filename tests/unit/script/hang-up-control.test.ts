/** Hanging up: the stop control when there is one, else a reload that runs the setup and start steps again. */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { createHangUpControl } from '../../../harness/collect/script/hang-up-control.ts';

function fakePage(calls: string[]): Page {
  return {
    click: async (selector: string) => void calls.push(`click ${selector}`),
    reload: async () => void calls.push('reload'),
  } as unknown as Page;
}

test('with a stop selector: click it to hang up, click start to begin again', async () => {
  const calls: string[] = [];
  const control = createHangUpControl({
    stopSelector: '#stop',
    startSelector: '#start',
    afterReload: async () => void calls.push('after reload'),
    restartSteps: async () => void calls.push('steps'),
  });
  const page = fakePage(calls);
  expect(control.describe()).toBe('click #stop');
  expect(await control.hangUp(page)).toBe('stop-selector');
  await control.startAgain(page, 'stop-selector');
  expect(calls).toEqual(['click #stop', 'click #start']);
});

test('without one: reload, run setup and start steps again, then click start if there is a start selector', async () => {
  const calls: string[] = [];
  const control = createHangUpControl({
    stopSelector: undefined,
    startSelector: '#talk',
    afterReload: async () => void calls.push('after reload'),
    restartSteps: async () => void calls.push('steps'),
  });
  const page = fakePage(calls);
  expect(control.describe()).toBe('reload (no SOAK_STOP_SELECTOR)');
  expect(await control.hangUp(page)).toBe('reload');
  await control.startAgain(page, 'reload');
  expect(calls).toEqual(['reload', 'after reload', 'click #talk']);
});

test('an app started by start steps alone is started again by them after a stop click (not twice after a reload)', async () => {
  const calls: string[] = [];
  const control = createHangUpControl({
    stopSelector: '#hangup',
    startSelector: undefined,
    afterReload: async () => void calls.push('after reload'),
    restartSteps: async () => void calls.push('steps'),
  });
  const page = fakePage(calls);
  await control.startAgain(page, await control.hangUp(page));
  await control.startAgain(page, 'reload');
  expect(calls).toEqual(['click #hangup', 'steps']);
});
