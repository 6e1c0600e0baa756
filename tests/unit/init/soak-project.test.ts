/** soakProject(): the Chromium flags a user's soak project launches with, WebRTC to loopback included. */
import { expect, test } from '@playwright/test';
import { SOAK_BROWSER_ARGS, soakProject } from '../../../harness/playwright/soak-project.ts';

test('a soak project launches Chromium with the fake mic, autoplay and loopback WebRTC flags, then the user own flags', () => {
  const project = soakProject({ use: { launchOptions: { args: ['--lang=de'] } } }, {});
  const args = project.use?.launchOptions?.args ?? [];
  expect(SOAK_BROWSER_ARGS).toEqual(
    expect.arrayContaining(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required']),
  );
  // Without it Chromium never connects a WebRTC call to a 127.0.0.1 server (the embedded one, or the user's local app).
  expect(args).toContain('--allow-loopback-in-peer-connection');
  expect(args).toEqual([...SOAK_BROWSER_ARGS, '--lang=de']);
});
