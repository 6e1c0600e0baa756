/**
 * Holds and releases the push-to-talk control (harness/config/push-to-talk.ts) around each utterance. press() waits for the
 * control to be visible; release() is safe to call when not pressed.
 */
import type { Page } from '@playwright/test';
import type { PushToTalk } from '../../config/push-to-talk.ts';

export interface PushToTalkControl {
  press(page: Page): Promise<void>;
  release(page: Page): Promise<void>;
}

export function createPushToTalkControl(ptt: PushToTalk): PushToTalkControl {
  let pressed = false;
  return {
    async press(page) {
      if (ptt.kind === 'key') {
        await page.keyboard.down(ptt.key);
      } else {
        const box = await page.locator(ptt.selector).first().boundingBox({ timeout: 15_000 });
        if (!box) throw new Error(`SOAK_PUSH_TO_TALK: ${ptt.selector} is not visible`);
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.down();
      }
      pressed = true;
    },
    async release(page) {
      if (!pressed || page.isClosed()) return;
      pressed = false;
      if (ptt.kind === 'key') await page.keyboard.up(ptt.key);
      else await page.mouse.up();
    },
  };
}
