import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWorker, startAlertWorker } from './playground/alerts.js';
import { type Browser, openPlayground } from './playground/browser.js';
import { messageWithHeader, openChannel, run } from './playground/page.js';
import { type PlaygroundStack, startPlaygroundStack } from './playground/stack.js';

const VAULT = 'playground-rules-vault';

describe('alert rules made in Slack and the App Home, in Chromium against the real bot and worker', () => {
  let stack: PlaygroundStack;
  let browser: Browser;
  let page: Page;
  let worker: RunningWorker;
  const modal = () => page.locator('.modal[data-callback-id="bj_rule"]');
  const block = (field: string) => modal().locator(`.bk-block[data-block-id="bj_rule_${field}"]`);
  const home = () => page.locator('#home .home-view');

  async function pick(field: string, value: string) {
    await block(field).locator('.picker-trigger').click();
    await page.locator(`.picker-menu .picker-option[data-value="${value}"]`).click();
    await page.locator('.picker-menu').waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    stack = await startPlaygroundStack({ env: { ALERT_ADMIN_USER_IDS: 'U0ALICE' } });
    worker = await startAlertWorker(stack, []);
    browser = await openPlayground(stack.url);
    page = browser.page;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await stack?.close();
  });

  it('makes a rule in the modal: a wrong window is answered under its field, the right one saves', async () => {
    const composer = page.locator('.composer-input');
    await composer.fill('/backup-jobs alerts new');
    await composer.press('Enter');
    await modal().waitFor({ timeout: 20_000 });
    await expect(modal().locator('.modal-title').textContent()).resolves.toBe('New alert rule');
    await block('name').locator('input').fill('pg-failures');
    await pick('channel', 'C0ALERTS');
    await block('threshold').locator('input').fill('3');
    await block('window').locator('input').fill('soon');
    await block('every').locator('input').fill('5s');
    await block('vaults').locator('input').fill(VAULT);
    await modal().locator('.modal-submit').click();
    await block('window').locator('.bk-input-error', { hasText: '1h' }).waitFor({ timeout: 20_000 });
    await browser.screenshot('rule-modal-error');

    await block('window').locator('input').fill('1h');
    await modal().locator('.modal-submit').click();
    await modal().waitFor({ state: 'detached', timeout: 20_000 });
    await page
      .locator('.message', { hasText: 'made the alert rule pg-failures' })
      .waitFor({ timeout: 20_000 });
  });

  it('fires the new rule without a restart, in the channel and on the Home tab, and is acknowledged from Home', async () => {
    const completed = Date.now() / 1000 - 60;
    stack.aws.addJobs(
      Array.from({ length: 4 }, (_, i) => ({
        Region: stack.aws.regions[i % 2]!,
        State: 'FAILED' as const,
        BackupVaultName: VAULT,
        CompletionDate: completed,
      })),
    );
    await openChannel(page, 'C0ALERTS');
    const alert = messageWithHeader(page, 'Alert: pg-failures');
    await alert.waitFor({ timeout: 30_000 });

    await openChannel(page, 'D0ALICE');
    await page.locator('.app-tab[data-tab="home"]').click();
    await home().locator('.bk-block', { hasText: 'Open incidents (1)' }).waitFor({ timeout: 20_000 });
    await browser.screenshot('home');
    await home().locator('[data-action-id="bj_alert_ack"]').click();
    await home().locator('.bk-block', { hasText: 'acknowledged by' }).waitFor({ timeout: 20_000 });
    await openChannel(page, 'C0ALERTS');
    await alert.locator('.bk-block', { hasText: 'Acknowledged by' }).waitFor({ timeout: 20_000 });
  }, 90_000);

  it('edits the rule from Home, and its history says who changed what', async () => {
    await openChannel(page, 'D0ALICE');
    await page.locator('.app-tab[data-tab="home"]').click();
    await home().locator('.bk-button', { hasText: 'Edit' }).first().click();
    await modal().waitFor({ timeout: 20_000 });
    await expect(modal().locator('.modal-title').textContent()).resolves.toBe('Edit alert rule');
    await expect(block('window').locator('input').inputValue()).resolves.toBe('1h');
    await block('threshold').locator('input').fill('10');
    await modal().locator('.modal-submit').click();
    await modal().waitFor({ state: 'detached', timeout: 20_000 });
    await openChannel(page, 'C0OPS');
    const history = await run(page, '/backup-jobs alerts history pg-failures', /Changes of pg-failures/);
    await expect(history.textContent()).resolves.toMatch(/threshold: 3 → 10/);
    await browser.screenshot('rule-history');
  });

  it('pauses the rule from Home, which then shows it paused', async () => {
    await openChannel(page, 'D0ALICE');
    await page.locator('.app-tab[data-tab="home"]').click();
    await home().locator('.bk-button', { hasText: 'Pause' }).first().click();
    await home().locator('.bk-block', { hasText: 'PAUSED' }).waitFor({ timeout: 20_000 });
    await home().locator('.bk-button', { hasText: 'Resume' }).first().waitFor();
  });
});
