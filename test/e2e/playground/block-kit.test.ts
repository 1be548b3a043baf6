import type { RequestListener } from 'node:http';
import { WebClient } from '@slack/web-api';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundHandler } from '../../../src/emulator/playground/index.js';
import { type SlackStandIn, startSlackStandIn } from '../../../src/emulator/slack/index.js';
import { type Browser, openBrowser } from './browser.js';
import { type CaptureApp, startCaptureApp } from './capture.js';
import { galleryBlocks } from './gallery.js';
import { messageIds, newMessage, openChannel } from './page.js';

const TOKEN = 'xoxb-playground-blocks';

describe('Block Kit and mrkdwn in the playground', () => {
  let slack: SlackStandIn;
  let app: CaptureApp;
  let browser: Browser;
  let page: Page;
  let web: WebClient;
  let galleryTs: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    app = await startCaptureApp();
    let playground: RequestListener | undefined;
    slack = await startSlackStandIn({
      signingSecret: 'playground-blocks-secret',
      botToken: TOKEN,
      botUrl: app.url,
      fallback: (req, res) => playground?.(req, res),
    });
    playground = playgroundHandler({ slack });
    web = new WebClient(TOKEN, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    browser = await openBrowser();
    page = browser.page;
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${slack.baseUrl}/#C0OPS`);
    await page.locator('#connection[data-status="live"]').waitFor();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await slack?.close();
    await app?.close();
  });

  it('draws every block and text rule, and never turns text into markup or links', async () => {
    const known = await messageIds(page);
    const posted = await web.chat.postMessage({
      channel: 'C0OPS',
      text: 'Gallery',
      blocks: galleryBlocks(slack.baseUrl) as never,
    });
    galleryTs = posted.ts!;
    const m = await newMessage(page, known, 'Gallery & <friends>');
    await expect(m.locator('.bk-header').textContent()).resolves.toBe('🚨 Gallery & <friends>');
    const text = m.locator('.bk-section-text').first();
    await expect(text.locator('b').first().textContent()).resolves.toBe('bold');
    await expect(text.locator('i').textContent()).resolves.toBe('italic');
    await expect(text.locator('s').textContent()).resolves.toBe('strike');
    await expect(text.locator('code').textContent()).resolves.toBe('code');
    await expect(text.textContent()).resolves.toContain('<img src=x onerror=alert(1)> & snake_case_name');
    await expect(text.locator('a.link').getAttribute('href')).resolves.toBe('https://example.com/a?b=1&c=2');
    expect(await text.locator('a.link').count()).toBe(1);
    await expect(text.locator('.link-text').textContent()).resolves.toBe('bad link');
    await expect(text.locator('.mention-me.mention-user').textContent()).resolves.toBe('@alice');
    await expect(text.locator('.mention-channel').textContent()).resolves.toBe('#backup-alerts');
    await expect(text.locator('.mention-broadcast').textContent()).resolves.toBe('@here');
    expect(await text.locator('.emoji').allTextContents()).toEqual(['✅', '❌']);
    await expect(text.textContent()).resolves.toContain(':no_such_emoji:');
    await expect(text.locator('.slack-date').textContent()).resolves.toMatch(
      /^\d{4}-\d\d-\d\d \d{1,2}:\d\d [AP]M$/,
    );
    await expect(text.locator('blockquote b').textContent()).resolves.toBe('line');
    await expect(text.locator('pre').textContent()).resolves.toBe('pre *not bold* <b>\nline 2');
    await expect(m.locator('.bk-field').nth(1).textContent()).resolves.toBe('Plain <b>field</b>');
    await expect(m.locator('.bk-accessory-image').getAttribute('alt')).resolves.toBe('accessory icon');
    await expect(m.locator('.bk-context-image').getAttribute('alt')).resolves.toBe('context icon');
    await expect(m.locator('.bk-image-title').textContent()).resolves.toBe('An image block');
    await expect(m.locator('.rich-text b').first().textContent()).resolves.toBe('rich ');
    expect(await m.locator('.rich-text li').count()).toBe(2);
    await expect(m.locator('.rich-text pre').textContent()).resolves.toBe('pre <b>');
    // The table shows at the bottom of the message, its header row first, numbers right-aligned.
    await expect(m.locator('.bk-block').last().getAttribute('class')).resolves.toContain('bk-table-block');
    expect(await m.locator('.bk-table th').allTextContents()).toEqual(['Name', 'Count']);
    await expect(m.locator('.bk-table td').first().textContent()).resolves.toBe('<b>x</b>');
    await expect(m.locator('.bk-table td').nth(1).getAttribute('class')).resolves.toContain('bk-align-right');
    await expect(m.locator('[data-action-id="g_ok"]').getAttribute('class')).resolves.toContain('bk-primary');
    await expect(m.locator('[data-action-id="g_delete"]').getAttribute('class')).resolves.toContain(
      'bk-danger',
    );
    await expect(m.locator('[data-action-id="g_evil"]').evaluate((el) => el.tagName)).resolves.toBe('BUTTON');
    expect(await page.locator('[href^="javascript:" i], [src^="javascript:" i]').count()).toBe(0);
    expect(await m.locator('.message-body img').count()).toBe(3);
    await browser.screenshot('blocks');
    expect(dialogs).toEqual([]);
  });

  it('sends clicks from buttons, selects, overflow menus and link buttons, as Slack would', async () => {
    const m = page.locator(`#messages > .message[data-ts="${galleryTs}"]`);
    let click = app.nextClick();
    await m.locator('[data-action-id="g_delete"]').click();
    expect((await click).actions[0]).toMatchObject({ action_id: 'g_delete', value: 'del' });

    click = app.nextClick();
    await m.locator('select[data-action-id="g_select"]').selectOption('two');
    expect((await click).actions[0]).toMatchObject({
      action_id: 'g_select',
      selected_option: { value: 'two' },
    });

    click = app.nextClick();
    await m.locator('[data-action-id="g_overflow"]').click();
    await m.locator('.bk-menu-item', { hasText: 'Mute' }).click();
    expect((await click).actions[0]).toMatchObject({
      action_id: 'g_overflow',
      selected_option: { value: 'mute' },
    });

    click = app.nextClick();
    const popup = browser.context.waitForEvent('page');
    await m.locator('[data-action-id="g_url"]').click();
    expect((await click).actions[0]?.action_id).toBe('g_url');
    const tab = await popup;
    await tab.waitForLoadState();
    expect(tab.url()).toBe(`${slack.baseUrl}/static/app-icon.svg`);
    await tab.close();
    expect((await click).user.id).toBe('U0ALICE');

    // A click the app cannot take says so under the message, as Slack does.
    slack.setBotUrl('http://127.0.0.1:9/slack/events');
    try {
      await m.locator('[data-action-id="g_ok"]').click();
      await m.locator('.message-error', { hasText: '(dispatch_failed)' }).waitFor();
    } finally {
      slack.setBotUrl(app.url);
    }
    click = app.nextClick();
    await m.locator('[data-action-id="g_ok"]').click();
    expect((await click).actions[0]?.action_id).toBe('g_ok');
    await m.locator('.message-error').waitFor({ state: 'detached' });
  });

  it('shows edits, thread replies, ephemeral messages, deletions and unread channels live', async () => {
    let known = await messageIds(page);
    const plain = await web.chat.postMessage({
      channel: 'C0OPS',
      text: 'See https://example.com/x for more',
    });
    const first = await newMessage(page, known, 'See https://example.com/x');
    await expect(first.locator('a.link').getAttribute('href')).resolves.toBe('https://example.com/x');
    await web.chat.update({ channel: 'C0OPS', ts: plain.ts!, text: 'Changed *text*' });
    await first.locator('.edited', { hasText: '(edited)' }).waitFor();
    await expect(first.locator('b').textContent()).resolves.toBe('text');

    await web.chat.postMessage({ channel: 'C0OPS', thread_ts: galleryTs, text: 'A reply in the thread' });
    const gallery = page.locator(`#messages > .message[data-ts="${galleryTs}"]`);
    await gallery.locator('.thread-summary', { hasText: '1 reply' }).click();
    await gallery.locator('.thread .message', { hasText: 'A reply in the thread' }).waitFor();

    known = await messageIds(page);
    await web.chat.postEphemeral({ channel: 'C0OPS', user: 'U0ALICE', text: 'Just for Alice' });
    const secret = await newMessage(page, known, 'Just for Alice');
    await expect(secret.locator('.ephemeral-note').textContent()).resolves.toContain('Only visible to you');

    await web.chat.delete({ channel: 'C0OPS', ts: plain.ts! });
    await first.waitFor({ state: 'detached' });

    await web.chat.postMessage({ channel: 'C0ALERTS', text: 'Over in alerts' });
    const badge = page.locator('.channel-link[data-channel="C0ALERTS"] .badge');
    await expect(badge.textContent()).resolves.toBe('1');
    await openChannel(page, 'C0ALERTS');
    await page.locator('#messages > .message', { hasText: 'Over in alerts' }).waitFor();
    expect(await badge.count()).toBe(0);
  });
});
