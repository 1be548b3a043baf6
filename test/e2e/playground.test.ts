import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAlertWorker } from './playground/alerts.js';
import { type Browser, openPlayground } from './playground/browser.js';
import {
  clickForMessage,
  composer,
  messageWithHeader,
  openChannel,
  run,
  topMessages,
} from './playground/page.js';
import { type PlaygroundStack, startPlaygroundStack } from './playground/stack.js';

/** Fires on 3 or more FAILED jobs in a vault of its own, so the seeded history never trips it. */
const ALERT_RULE = {
  name: 'playground-failures',
  channel: 'C0ALERTS',
  states: ['FAILED'],
  threshold: 3,
  window: '1h',
  every: '5s',
  vaults: ['playground-vault'],
};

describe('the playground in Chromium, against the real bot', () => {
  let stack: PlaygroundStack;
  let browser: Browser;
  let page: Page;
  let list: Locator;

  beforeAll(async () => {
    stack = await startPlaygroundStack({ rules: [ALERT_RULE] });
    browser = await openPlayground(stack.url);
    page = browser.page;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('runs a list command from the composer and pages with Next and Prev in place', async () => {
    expect(await page.title()).toBe('backup-jobs playground');
    await expect(page.locator('.channel-link.is-active').textContent()).resolves.toContain('ops');
    list = await run(page, '/backup-jobs failed last 14 days', 'Failed jobs created in the last 14 days');
    await expect(list.locator('.ephemeral-note').textContent()).resolves.toContain('Only visible to you');
    await expect(list.locator('.bk-context').first().textContent()).resolves.toContain('page 1');
    const shown = await topMessages(page).count();

    await list.locator('[data-action-id="bj_page_next"]').click();
    await list.locator('.bk-context', { hasText: /Page 2 · / }).waitFor();
    await list.locator('.edited').waitFor();
    expect(await topMessages(page).count()).toBe(shown);

    await list.locator('[data-action-id="bj_page_prev"]').click();
    await list.locator('.bk-context', { hasText: /Page 1 · / }).waitFor();
    expect(await topMessages(page).count()).toBe(shown);
    // Block Kit as Slack draws it: emoji, bold, code, quotes; message text is never markup.
    const first = list.locator('.bk-section-block').first();
    await expect(first.locator('.emoji').first().textContent()).resolves.toBe('🔴');
    await expect(first.locator('b').first().textContent()).resolves.toBe('Failed');
    expect(await first.locator('code.code').count()).toBeGreaterThan(0);
    expect(await first.locator('blockquote.quote').count()).toBe(1);
    await expect(list.locator('[data-action-id="bj_page_next"]').getAttribute('class')).resolves.toContain(
      'bk-primary',
    );
    await browser.screenshot('list-page');
    // A shorter page fits the window whole, header to buttons.
    const short = await run(
      page,
      '/backup-jobs failed or partial last 14 days limit:4',
      /jobs created in the last 14 days/,
    );
    expect(await short.locator('[data-action-id^="bj_job_details:"]').count()).toBe(4);
    await browser.screenshot('list');
  });

  it('opens one job’s details, with the console link as a link button', async () => {
    const message = await clickForMessage(
      page,
      list.locator('[data-action-id="bj_job_details:0"]'),
      /Failed: /,
    );
    expect(await message.locator('.bk-fields .bk-field').count()).toBeGreaterThanOrEqual(6);
    const consoleLink = message.locator('a.bk-button[data-action-id="bj_open_console"]');
    await expect(consoleLink.getAttribute('target')).resolves.toBe('_blank');
    await expect(consoleLink.getAttribute('href')).resolves.toMatch(
      /^https:\/\/[a-z0-9-]+\.console\.aws\.amazon\.com\//,
    );
    await browser.screenshot('details');
  });

  it('exports CSV of a private answer to the asker’s DM: the card appears there and its link serves the file', async () => {
    await list.locator('[data-action-id="bj_export_csv"]').click();
    // The answer was private, so the file is too: #ops says where it went, and shows no file.
    await page
      .locator('.message', { hasText: 'sending it to you alone' })
      .first()
      .waitFor({ timeout: 20_000 });
    expect(await page.locator('.file-card[data-file-name$=".csv"]').count()).toBe(0);
    await openChannel(page, 'D0ALICE');
    const card = page.locator('.file-card[data-file-name$=".csv"]').last();
    await card.waitFor({ timeout: 20_000 });
    await expect(card.locator('.file-detail').textContent()).resolves.toMatch(/^CSV · \d/);
    const href = await card.locator('a.file-download').getAttribute('href');
    expect(href).toMatch(/^\/files\/F\w+\/download\/backup-jobs-.+\.csv$/);
    const response = await page.request.get(new URL(href!, stack.url).toString());
    expect(response.status()).toBe(200);
    expect((await response.text()).split('\r\n')[0]).toMatch(/^JobId,State,/);
    await page.locator('.message', { hasText: 'CSV ready' }).first().waitFor();
    await browser.screenshot('csv');
    await openChannel(page, 'C0OPS');
  });

  it('sums up 7 days, then charts it by day in place with Slack’s own chart and table', async () => {
    const summary = await run(page, '/backup-jobs summary 7d', /Summary of .* last 7 days/);
    const shown = await topMessages(page).count();
    await summary.locator('[data-action-id="bj_summary_chart"]').click();
    const chart = summary.locator('.bk-chart[data-chart-type="bar"]');
    await chart.waitFor({ timeout: 20_000 });
    // Replaced in place: no new message, no file.
    expect(await topMessages(page).count()).toBe(shown);
    expect(await page.locator('.file-card').count()).toBe(0);
    await expect(chart.locator('.chart-title').textContent()).resolves.toBe('Backup jobs per UTC day');
    expect(await chart.locator('.chart-axis-label').allTextContents()).toEqual(['Day (UTC)', 'Jobs']);
    expect(await chart.locator('.chart-category').count()).toBeGreaterThanOrEqual(7);
    expect(await chart.locator('svg rect.chart-bar').count()).toBeGreaterThan(0);
    const table = summary.locator('.bk-data-table');
    await expect(table.textContent()).resolves.toContain('Backup jobs per UTC day, by state');
    await browser.screenshot('chart');
  });

  it('shows help and runs an example when its button is clicked', async () => {
    const help = await run(page, '/backup-jobs help', /what you can ask/);
    const example = help.locator('.bk-button', { hasText: 'running pending 24h public' });
    const message = await clickForMessage(page, example, /jobs created in the last 24 hours/i);
    // `public`: posted in the channel for everyone, not ephemeral.
    expect(await message.locator('.ephemeral-note').count()).toBe(0);
    await browser.screenshot('help');
  });

  it('shows each person what they see: ephemeral answers stay with their user', async () => {
    const aliceEphemeral = await page.locator('#messages > .message.is-ephemeral').count();
    expect(aliceEphemeral).toBeGreaterThan(2);
    await page.locator('.user-option[data-user="U0BOB"]').click();
    await page.locator('#connection[data-status="live"]').waitFor();
    await page.locator('.user-option.is-active[data-user="U0BOB"]').waitFor();
    expect(await page.locator('#messages > .message.is-ephemeral').count()).toBe(0);
    expect(await topMessages(page).count()).toBeGreaterThan(0);
    await run(page, '/backup-jobs summary 14d', /last 14 days/);
    expect(await page.locator('#messages > .message.is-ephemeral').count()).toBe(1);
    await page.locator('.user-option[data-user="U0ALICE"]').click();
    await page.locator('.user-option.is-active[data-user="U0ALICE"]').waitFor();
    await page.locator('#connection[data-status="live"]').waitFor();
    expect(await page.locator('#messages > .message.is-ephemeral').count()).toBe(aliceEphemeral);
  });

  it('shows Slack’s own notice when the app cannot be reached, and refuses unknown commands', async () => {
    const input = composer(page);
    await input.fill('/deploy now');
    await input.press('Enter');
    await page.locator('.composer-notice', { hasText: '/deploy is not a valid command' }).waitFor();

    stack.slack.setBotUrl('http://127.0.0.1:9/slack/events');
    try {
      const message = await run(page, '/backup-jobs failed today', 'failed with the error "dispatch_failed"');
      await expect(message.locator('.author').textContent()).resolves.toBe('Slackbot');
      await expect(message.locator('.ephemeral-note').textContent()).resolves.toContain(
        'Only visible to you',
      );
    } finally {
      stack.slack.setBotUrl(stack.botUrl);
    }
  });

  it('lists the resource whose backups quietly stopped, alerts on it, and resolves once it is backed up again', async () => {
    const gap = stack.aws.seededGaps().staleBackup!;
    await openChannel(page, 'C0OPS');
    const answer = await run(
      page,
      `/backup-jobs stale 26h account:${gap.accountId} region:${gap.region} type:${gap.resourceType}`,
      /with no good backup in the last 26 hours/,
    );
    await expect(answer.locator('.bk-section-block').first().textContent()).resolves.toContain(
      gap.resourceName,
    );
    await browser.screenshot('stale');
    // Its type, in its account and Region: the seeded org has no other stale resource there.
    const rule = {
      name: 'playground-stale',
      kind: 'stale',
      channel: 'C0ALERTS',
      maxAge: '26h',
      every: '5s',
      accounts: [gap.accountId],
      regions: [gap.region],
      resourceTypes: [gap.resourceType],
    };
    const running = await startAlertWorker(stack, [rule], { coverageEveryMs: 2000 });
    try {
      await openChannel(page, 'C0ALERTS');
      const alert = messageWithHeader(page, 'Alert: playground-stale');
      await alert.waitFor({ timeout: 30_000 });
      await expect(alert.textContent()).resolves.toContain(
        '1 resource with no good backup in the last 1d 2h',
      );
      await alert
        .locator('.bk-block', { hasText: `${gap.resourceName} (` })
        .first()
        .waitFor();
      await browser.screenshot('stale-alert');

      stack.aws.recover(gap.resourceArn);
      const resolved = messageWithHeader(page, 'Resolved: playground-stale');
      await resolved.waitFor({ timeout: 30_000 });
      await resolved.locator('.thread-summary', { hasText: '1 reply' }).click();
      await resolved.locator('.thread .message', { hasText: 'Resolved after' }).waitFor();
      await browser.screenshot('stale-resolved');
    } finally {
      await running.close();
    }
  }, 90_000);

  it('marks #backup-alerts unread when an alert arrives, and shows it acknowledged and resolved', async () => {
    await openChannel(page, 'C0OPS');
    const running = await startAlertWorker(stack, [ALERT_RULE]);
    try {
      const completed = Date.now() / 1000 - 60;
      stack.aws.addJobs(
        Array.from({ length: 4 }, (_, i) => ({
          Region: stack.aws.regions[i % 2]!,
          State: 'FAILED' as const,
          BackupVaultName: 'playground-vault',
          CompletionDate: completed,
        })),
      );
      const badge = page.locator('.channel-link[data-channel="C0ALERTS"] .badge');
      await badge.waitFor({ timeout: 30_000 });
      await expect(badge.textContent()).resolves.toBe('1');
      await openChannel(page, 'C0ALERTS');
      expect(await badge.count()).toBe(0);
      const alert = messageWithHeader(page, 'Alert: playground-failures');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toContain('4 failed backup jobs in the last 1h');
      await alert.locator('[data-action-id="bj_alert_ack"]').click();
      await alert.locator('.bk-block', { hasText: 'Acknowledged by' }).waitFor();
      await browser.screenshot('alert');

      stack.aws.clearJobs();
      const resolved = messageWithHeader(page, 'Resolved: playground-failures');
      await resolved.waitFor({ timeout: 30_000 });
      // The thread holds who acknowledged it, then how long it fired.
      await resolved.locator('.thread-summary', { hasText: '2 replies' }).click();
      await resolved.locator('.thread .message', { hasText: 'Acknowledged by' }).waitFor();
      await resolved.locator('.thread .message', { hasText: 'Resolved after' }).waitFor();
      await browser.screenshot('alert-resolved');
    } finally {
      await running.close();
    }
  }, 90_000);
  it('asks before muting: the example’s own dialog, then the prompt’s, and only the last confirm mutes', async () => {
    const help = await run(page, '/backup-jobs help', /what you can ask/);
    const example = help.locator('.bk-button', { hasText: `alerts mute ${ALERT_RULE.name} 2h` });
    const dialog = page.locator('dialog.bk-confirm[open]');
    // Cancel sends nothing: the next answer is the one the confirmed click brings.
    await example.click();
    await dialog.locator('.bk-confirm-deny').click();
    await dialog.waitFor({ state: 'detached' });
    await example.click();
    await expect.poll(() => dialog.locator('.bk-confirm-title').textContent()).toContain(ALERT_RULE.name);
    const prompt = await clickForMessage(page, dialog.locator('.bk-confirm-yes'), /Nothing has changed yet/);
    await browser.screenshot('confirm-prompt');
    const alertsBefore = await run(page, '/backup-jobs alerts', /Alert rules|playground-failures/);
    expect(await alertsBefore.textContent()).not.toMatch(/MUTED/);
    await prompt.locator('.bk-button.bk-danger').click();
    await dialog.waitFor();
    await clickForMessage(page, dialog.locator('.bk-confirm-yes'), /is muted for 2 hours/);
    const alertsAfter = await run(page, '/backup-jobs alerts', /Alert rules|playground-failures/);
    expect(await alertsAfter.textContent()).toMatch(/MUTED/);
  });
});
