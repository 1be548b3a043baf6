import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_MODAL } from '../../src/blocks/index.js';
import { type Browser, openPlayground } from './playground/browser.js';
import { inPlace, outsideWindow, overflowing, press } from './playground/layout.js';
import { composer, messageIds, newMessage } from './playground/page.js';
import { type PlaygroundStack, startPlaygroundStack } from './playground/stack.js';

/** A phone held upright, and a laptop's screen split in two. */
const WINDOWS = [
  { name: 'a phone', width: 390, height: 844, phone: true },
  { name: 'a split screen', width: 700, height: 800, phone: false },
] as const;

describe('the playground in a narrow window, against the real bot', () => {
  let stack: PlaygroundStack;

  beforeAll(async () => {
    stack = await startPlaygroundStack();
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  describe.each(WINDOWS)('$width px wide ($name)', (win) => {
    let browser: Browser;
    let page: Page;
    const sidebar = () => page.locator('#sidebar');
    const modal = () => page.locator(`.modal[data-callback-id="${QUERY_MODAL.callbackId}"]`);

    async function openMenu() {
      await press(page.locator('#nav-toggle'), win.phone);
      await inPlace(page, '#sidebar');
      expect(await outsideWindow(page, sidebar())).toEqual([]);
    }

    /** Picks a conversation in the menu, which closes behind it. */
    async function pick(id: string) {
      await openMenu();
      await press(page.locator(`.channel-link[data-channel="${id}"]`), win.phone);
      await page.locator(`.channel-link.is-active[data-channel="${id}"]`).waitFor({ state: 'attached' });
      await sidebar().waitFor({ state: 'hidden' });
    }

    beforeAll(async () => {
      browser = await openPlayground(stack.url, win);
      page = browser.page;
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('gives the conversation the whole width and keeps the channels behind a menu button', async () => {
      expect(await sidebar().isVisible()).toBe(false);
      const pane = await page.locator('#messages').boundingBox();
      expect(pane?.x).toBe(0);
      expect(pane?.width).toBe(win.width);
      expect(await outsideWindow(page, page.locator('.channel-header > *'))).toEqual([]);
      expect(await overflowing(page)).toEqual([]);

      await pick('C0ALERTS');
      await expect(page.locator('#channel-title').textContent()).resolves.toBe('backup-alerts');
      await pick('C0OPS');
      await expect(page.locator('#channel-title').textContent()).resolves.toBe('ops');
      await browser.screenshot(`narrow-${win.width}-ops`);
    });

    it('sends a command, pages with a button and runs an edited query from a modal, nothing wider than the window', async () => {
      const known = await messageIds(page);
      await composer(page).fill('/backup-jobs failed last 14 days');
      await press(page.locator('.composer-send'), win.phone);
      const list = await newMessage(page, known, 'Failed jobs created in the last 14 days');
      expect(await overflowing(page)).toEqual([]);
      expect(await outsideWindow(page, list.locator('.bk-button'))).toEqual([]);
      await browser.screenshot(`narrow-${win.width}-list`);

      await press(list.locator('[data-action-id="bj_page_next"]'), win.phone);
      await list.locator('.bk-context', { hasText: /Page 2 · / }).waitFor();
      expect(await overflowing(page)).toEqual([]);

      await press(list.locator('[data-action-id="bj_edit_query"]'), win.phone);
      await modal().waitFor();
      expect(await outsideWindow(page, modal())).toEqual([]);
      expect(await outsideWindow(page, modal().locator('button, input'))).toEqual([]);
      expect(await overflowing(page)).toEqual([]);
      await browser.screenshot(`narrow-${win.width}-modal`);
      await modal().locator('input').fill('partial last 14 days limit:3');
      const before = await messageIds(page);
      await press(modal().locator('.modal-submit'), win.phone);
      await modal().waitFor({ state: 'detached' });
      await newMessage(page, before, /Partial jobs|No backup jobs/);
      expect(await overflowing(page)).toEqual([]);
    });

    it('shows the App Home whole, its buttons inside the window', async () => {
      const app = stack.slack
        .channels()
        .find((c) => c.kind === 'im' && c.botMember && c.members[0] === 'U0ALICE');
      await pick(app?.id ?? 'no DM with the app');
      await press(page.locator('.app-tab[data-tab="home"]'), win.phone);
      const home = page.locator('#home .home-view');
      await home.locator('.bk-button').first().waitFor();
      expect(await overflowing(page)).toEqual([]);
      expect(await outsideWindow(page, home.locator('.bk-button'))).toEqual([]);
      await browser.screenshot(`narrow-${win.width}-home`);
      await press(page.locator('.app-tab[data-tab="messages"]'), win.phone);
      await page.locator('#messages').waitFor();
    });

    it('gives every demo user a DM with the app, one tap away', async () => {
      const users = stack.slack.users();
      expect(users.length).toBeGreaterThan(1);
      for (const user of users) {
        await openMenu();
        await press(page.locator(`.user-option[data-user="${user.id}"]`), win.phone);
        await page.locator(`.user-option.is-active[data-user="${user.id}"]`).waitFor();
        const dm = page.locator('.channel-link', { hasText: stack.slack.bot.name });
        expect(await dm.count()).toBe(1);
        await press(dm, win.phone);
        await sidebar().waitFor({ state: 'hidden' });
        await expect(page.locator('#channel-title').textContent()).resolves.toBe(stack.slack.bot.name);
        await page.locator('#app-tabs .app-tab[data-tab="messages"]').waitFor();
        expect(await overflowing(page)).toEqual([]);
      }
    });
  });
});
