import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type Logger, LogLevel } from '@slack/bolt';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundHandler } from '../../src/emulator/playground/index.js';
import { type SlackStandIn, startSlackStandIn } from '../../src/emulator/slack/index.js';
import { type Browser, openBrowser } from './playground/browser.js';
import { messageIds, newMessage, openChannel, run } from './playground/page.js';
import {
  FLAG_OPTIONS,
  homeView,
  JOBS,
  KIND_OPTIONS,
  MODE_OPTIONS,
  previewModal,
  REGION_OPTIONS,
  reportBlocks,
  ruleForm,
  STATE_OPTIONS,
  savedModal,
  trendBlocks,
} from './playground/views-fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: the test reads Slack's JSON field by field
type Json = Record<string, any>;
/** The little of the page's DOM the assertions read (the test compiles without DOM types). */
type Css = { getComputedStyle(el: unknown): { color: string } };
type Attrs = { getAttribute(name: string): string | null };

const SECRET = 'playground-views-secret';
const TOKEN = 'xoxb-playground-views';
const quiet: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/** Payloads the app received, handed to the test in the order they came. */
function inbox() {
  const items: Json[] = [];
  const waiting: ((item: Json) => void)[] = [];
  return {
    push(item: Json) {
      const next = waiting.shift();
      if (next) next(item);
      else items.push(item);
    },
    next(): Promise<Json> {
      const item = items.shift();
      return item ? Promise.resolve(item) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

/**
 * A small Bolt app over HTTP, signed by the stand-in as Slack signs: a command that posts a button
 * opening the rule form (or a report with a data table and charts), the form's answers (errors for
 * a taken name, an update to a "saved" view), a push from inside the form, a views.update on a
 * dispatched select, and a Home tab it publishes again on each Refresh.
 */
function listen(app: App) {
  const seen = { submissions: inbox(), clicks: inbox(), closed: inbox(), homes: inbox() };
  let refreshed = 0;
  app.command('/backup-jobs', async ({ ack, command, say }) => {
    await ack();
    if (command.text === 'report') {
      await say({ text: 'Backup report', blocks: reportBlocks() as never });
    } else if (command.text === 'trend') {
      await say({ text: 'Backup trend', blocks: trendBlocks() as never });
    } else {
      const button = {
        type: 'button',
        action_id: 'open_form',
        text: { type: 'plain_text', text: 'New rule' },
      };
      await say({
        text: 'Rules',
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: '*Alert rules*' }, accessory: button },
        ] as never,
      });
    }
  });
  app.action('open_form', async ({ ack, body, client }) => {
    await ack();
    await client.views.open({ trigger_id: (body as Json).trigger_id, view: ruleForm() as never });
  });
  app.action('preview', async ({ ack, body, client }) => {
    await ack();
    seen.clicks.push(body as Json);
    await client.views.push({ trigger_id: (body as Json).trigger_id, view: previewModal() as never });
  });
  app.action('region_input', async ({ ack, body, client }) => {
    await ack();
    const b = body as Json;
    seen.clicks.push(b);
    const picked = b.actions[0].selected_option.value;
    await client.views.update({ view_id: b.view.id, hash: b.view.hash, view: ruleForm(picked) as never });
  });
  app.view('rule_form', async ({ ack, view }) => {
    const name = view.state.values.name?.name_input?.value ?? '';
    seen.submissions.push(view as Json);
    if (name === 'taken') {
      return void (await ack({
        response_action: 'errors',
        errors: { name: 'A rule with this name exists' },
      }));
    }
    await ack({ response_action: 'update', view: savedModal(name) as never });
  });
  app.view({ callback_id: 'saved', type: 'view_closed' }, async ({ ack, body }) => {
    await ack();
    seen.closed.push(body as Json);
  });
  app.event('app_home_opened', async ({ event, client }) => {
    seen.homes.push(event as Json);
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: homeView(event.user, refreshed) as never });
  });
  app.action('home_refresh', async ({ ack, body, client }) => {
    await ack();
    seen.clicks.push(body as Json);
    refreshed += 1;
    await client.views.publish({ user_id: body.user.id, view: homeView(body.user.id, refreshed) as never });
  });
  return seen;
}

describe('modals, the Home tab, data tables and charts in the playground', () => {
  let slack: SlackStandIn;
  let app: App;
  let seen: ReturnType<typeof listen>;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  const modal = () => page.locator('.modal');
  const block = (id: string) => modal().locator(`.bk-block[data-block-id="${id}"]`);
  /** Opens the select menu of an input block and clicks the option with this value. */
  async function pick(id: string, value: string) {
    await block(id).locator('.picker-trigger').click();
    await page.locator(`.picker-menu .picker-option[data-value="${value}"]`).click();
    await page.locator('.picker-menu').waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    let playground: RequestListener | undefined;
    slack = await startSlackStandIn({
      signingSecret: SECRET,
      botToken: TOKEN,
      fallback: (req, res) => playground?.(req, res),
    });
    playground = playgroundHandler({ slack });
    app = new App({
      signingSecret: SECRET,
      token: TOKEN,
      clientOptions: { slackApiUrl: slack.apiUrl },
      logger: quiet,
    });
    seen = listen(app);
    const server = (await app.start(0)) as Server;
    slack.setBotUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
    browser = await openBrowser();
    page = browser.page;
    page.on('pageerror', (err) => problems.push(err.message));
    await page.goto(`${slack.baseUrl}/#C0OPS`);
    await page.locator('#connection[data-status="live"]').waitFor();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await slack?.close();
  });

  it('opens the modal from a button, with its title, buttons, labels, hints and initial values', async () => {
    const rules = await run(page, '/backup-jobs rules', 'Alert rules');
    await rules.locator('[data-action-id="open_form"]').click();
    await modal().waitFor();
    await expect(modal().getAttribute('data-callback-id')).resolves.toBe('rule_form');
    await expect(modal().locator('.modal-title').textContent()).resolves.toBe('New alert rule');
    await expect(modal().locator('.modal-submit').textContent()).resolves.toBe('Save rule');
    await expect(modal().locator('.modal-close').textContent()).resolves.toBe('Cancel');
    expect(await modal().locator('.modal-back').count()).toBe(0);
    await expect(block('notes').locator('.bk-input-label').textContent()).resolves.toBe('Notes (optional)');
    await expect(block('notes').locator('.bk-input-hint').textContent()).resolves.toBe(
      'Shown under each alert.',
    );
    expect(await block('notes').locator('textarea').count()).toBe(1);
    await expect(block('threshold').locator('input').inputValue()).resolves.toBe('3');
    await expect(block('kind').locator('.picker-label').textContent()).resolves.toBe('Backup jobs');
    await expect(block('owner').locator('.picker-label').textContent()).resolves.toBe('Alice Archer');
    expect(await block('mode').locator('input[value="now"]').isChecked()).toBe(true);
    // The channel menu lists the workspace's channels, narrowed by the element's filter (no app DM).
    await block('channel').locator('.picker-trigger').click();
    const listed = await page
      .locator('.picker-menu .picker-option')
      .evaluateAll((els) => els.map((el) => (el as unknown as { dataset: { value: string } }).dataset.value));
    expect(listed).toEqual(['C0OPS', 'C0ALERTS', 'G0SECRET']);
    await page.keyboard.press('Escape');
    await page.locator('.picker-menu').waitFor({ state: 'detached' });
    // The option groups of the kind menu show as headings.
    await block('kind').locator('.picker-trigger').click();
    expect(await page.locator('.picker-menu .picker-group').allTextContents()).toEqual(['Jobs', 'Tests']);
    await page.locator('.picker-menu .picker-option[data-value="backup"]').click();
    await browser.screenshot('views-modal');
  });

  it('keeps Slack’s rule for required fields: nothing goes to the app while one is empty', async () => {
    await modal().locator('.modal-submit').click();
    await block('name')
      .locator('.bk-input-error', { hasText: 'Please complete this required field.' })
      .waitFor();
    await block('channel').locator('.bk-input-error').waitFor();
    expect(await block('notes').locator('.bk-input-error').count()).toBe(0);
  });

  it('sends block_actions with the view from a dispatching select, and keeps what was typed across the views.update', async () => {
    await block('name').locator('input').fill('taken');
    await block('threshold').locator('input').fill('5');
    await pick('region', 'eu-west-1');
    const click = await seen.clicks.next();
    expect(click).toMatchObject({
      type: 'block_actions',
      container: { type: 'view', view_id: expect.stringMatching(/^V/) },
      view: { callback_id: 'rule_form' },
      actions: [{ action_id: 'region_input', block_id: 'region', type: 'static_select' }],
    });
    expect(click.actions[0].selected_option).toEqual(REGION_OPTIONS[1]);
    expect(click.view.state.values.name).toEqual({
      name_input: { type: 'plain_text_input', value: 'taken' },
    });
    await block('picked').waitFor();
    await expect(block('picked').textContent()).resolves.toBe('Picked eu-west-1');
    await expect(block('name').locator('input').inputValue()).resolves.toBe('taken');
    await expect(block('threshold').locator('input').inputValue()).resolves.toBe('5');
  });

  it('pushes a view from a button in the modal, and goes back to the form as it was left', async () => {
    await modal().locator('[data-action-id="preview"]').click();
    const click = await seen.clicks.next();
    expect(click).toMatchObject({
      container: { type: 'view' },
      actions: [{ action_id: 'preview', value: 'p' }],
    });
    await page.locator('.modal[data-callback-id="preview"]').waitFor();
    await expect(modal().getAttribute('data-depth')).resolves.toBe('2');
    await expect(modal().locator('.modal-close').textContent()).resolves.toBe('Close');
    expect(await modal().locator('.modal-submit').count()).toBe(0);
    await browser.screenshot('views-modal-pushed');
    await modal().locator('.modal-back').click();
    await page.locator('.modal[data-callback-id="rule_form"]').waitFor();
    await expect(block('name').locator('input').inputValue()).resolves.toBe('taken');
    expect(slack.openViews('U0ALICE').map((v) => v.callbackId)).toEqual(['rule_form']);
  });

  it('shows the app’s response_action errors under the right input, in red', async () => {
    await pick('kind', 'copy');
    await pick('states', 'FAILED');
    await pick('states', 'PARTIAL');
    await pick('channel', 'C0OPS');
    await pick('owner', 'U0BOB');
    await block('flags').locator('label[data-value="mute"]').click();
    await block('mode').locator('label[data-value="digest"]').click();
    await modal().locator('.modal-submit').click();
    const submitted = await seen.submissions.next();
    expect(submitted.state.values.name.name_input.value).toBe('taken');
    const error = block('name').locator('.bk-input-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe('A rule with this name exists');
    await expect(
      error.evaluate((el) => (globalThis as unknown as Css).getComputedStyle(el).color),
    ).resolves.toBe('rgb(224, 30, 90)');
    expect(await modal().locator('.bk-input-error').count()).toBe(1);
    await expect(block('states').locator('.picker-chip .picker-label').allTextContents()).resolves.toEqual([
      'FAILED',
      'PARTIAL',
    ]);
    await browser.screenshot('views-modal-errors');
  });

  it('submits the state values exactly as Slack shapes them, then shows the view the app updated to', async () => {
    await block('name').locator('input').fill('nightly');
    await modal().locator('.modal-submit').click();
    const { state } = await seen.submissions.next();
    expect(state.values).toEqual({
      name: { name_input: { type: 'plain_text_input', value: 'nightly' } },
      notes: { notes_input: { type: 'plain_text_input', value: null } },
      threshold: { threshold_input: { type: 'number_input', value: '5' } },
      kind: { kind_input: { type: 'static_select', selected_option: KIND_OPTIONS.copy } },
      states: {
        states_input: { type: 'multi_static_select', selected_options: [STATE_OPTIONS[0], STATE_OPTIONS[1]] },
      },
      channel: { channel_input: { type: 'conversations_select', selected_conversation: 'C0OPS' } },
      owner: { owner_input: { type: 'users_select', selected_user: 'U0BOB' } },
      flags: { flags_input: { type: 'checkboxes', selected_options: [FLAG_OPTIONS[0]] } },
      mode: { mode_input: { type: 'radio_buttons', selected_option: MODE_OPTIONS[1] } },
      region: { region_input: { type: 'static_select', selected_option: REGION_OPTIONS[1] } },
    });
    await page.locator('.modal[data-callback-id="saved"]').waitFor();
    await expect(modal().locator('.modal-body').textContent()).resolves.toBe('Saved nightly.');
    await expect(modal().locator('.modal-close').textContent()).resolves.toBe('Done');
  });

  it('closes the modal with the ×, and the app hears view_closed (notify_on_close)', async () => {
    await modal().locator('.modal-x').click();
    await page.locator('#modal-root .modal').waitFor({ state: 'detached' });
    const closed = await seen.closed.next();
    expect(closed).toMatchObject({ type: 'view_closed', is_cleared: true, view: { callback_id: 'saved' } });
    expect(slack.openViews('U0ALICE')).toEqual([]);
  });

  it('opens the app’s Home tab: app_home_opened, the published view, clicks, and live republishing', async () => {
    await openChannel(page, 'D0ALICE');
    expect(await page.locator('.app-tab').allTextContents()).toEqual(['Home', 'Messages']);
    await expect(seen.homes.next()).resolves.toMatchObject({ type: 'app_home_opened', tab: 'messages' });
    await page.locator('.app-tab[data-tab="home"]').click();
    await expect(seen.homes.next()).resolves.toMatchObject({
      user: 'U0ALICE',
      tab: 'home',
      channel: 'D0ALICE',
    });
    const home = page.locator('#home .home-view[data-callback-id="home"]');
    await home.locator('.bk-section-text', { hasText: 'refreshed 0 times' }).waitFor();
    await expect(home.locator('.mention-me').textContent()).resolves.toBe('@alice');
    expect(await page.locator('#messages').isHidden()).toBe(true);
    await browser.screenshot('views-home');
    await home.locator('[data-action-id="home_refresh"]').click();
    const click = await seen.clicks.next();
    expect(click).toMatchObject({
      type: 'block_actions',
      container: { type: 'view', view_id: slack.homeView('U0ALICE')?.id },
      view: { type: 'home', callback_id: 'home' },
      actions: [{ action_id: 'home_refresh', block_id: 'home_nav', value: 'r' }],
    });
    await home.locator('.bk-section-text', { hasText: 'refreshed 1 times' }).waitFor();
    await page.locator('.app-tab[data-tab="messages"]').click();
    await page.locator('#messages').waitFor();
    await expect(seen.homes.next()).resolves.toMatchObject({ tab: 'messages' });
    await openChannel(page, 'C0OPS');
  });

  it('draws a data_table: caption, header, pages of page_size, sorting by a column', async () => {
    const report = await run(page, '/backup-jobs report', 'Backup jobs, last 24 hours');
    const table = report.locator('.bk-data-table');
    const firstCells = () => table.locator('tbody tr > :first-child').allTextContents();
    await expect(table.locator('.dt-title').textContent()).resolves.toBe('Backup jobs, last 24 hours');
    await expect(table.locator('caption').textContent()).resolves.toBe('Backup jobs, last 24 hours');
    expect(await table.locator('thead th').allTextContents()).toEqual(['Job▲', 'State▲', 'Size (GB)▲']);
    expect(await firstCells()).toEqual(JOBS.slice(0, 5).map(([job]) => job));
    await expect(table.locator('.dt-range').textContent()).resolves.toBe('1–5 of 12');
    await expect(table.locator('tbody tr').first().locator('b').textContent()).resolves.toBe('COMPLETED');

    await table.locator('.dt-next').click();
    await expect(table.locator('.dt-range').textContent()).resolves.toBe('6–10 of 12');
    expect(await firstCells()).toEqual(JOBS.slice(5, 10).map(([job]) => job));
    await table.locator('.dt-next').click();
    await expect(table.locator('.dt-page-of').textContent()).resolves.toBe('Page 3 of 3');
    expect(await table.locator('.dt-next').isDisabled()).toBe(true);

    // Size holds only raw_number cells: it sorts by number (4 before 12 before 1100), not by text.
    const size = table.locator('th .dt-sort[data-column="2"]');
    await size.click();
    const ascending = [...JOBS].sort((a, b) => a[2] - b[2]).map(([job]) => job);
    await expect(table.locator('th[aria-sort="ascending"]').count()).resolves.toBe(1);
    // A new sort starts again from the first page.
    await expect(table.locator('.dt-range').textContent()).resolves.toBe('1–5 of 12');
    expect(await firstCells()).toEqual(ascending.slice(0, 5));
    await table.locator('th .dt-sort[data-column="2"]').click();
    expect(await firstCells()).toEqual([...ascending].reverse().slice(0, 5));
    // Job sorts alphabetically.
    await table.locator('th .dt-sort[data-column="0"]').click();
    expect(await firstCells()).toEqual(['job-01', 'job-02', 'job-03', 'job-04', 'job-05']);
    await table.locator('.dt-filter').fill('failed');
    await expect(table.locator('.dt-range').textContent()).resolves.toBe('1–3 of 3');
    await table.locator('.dt-filter').fill('');
  });

  it('draws data_visualization charts as SVG: bars per series and category, legend, axis labels, tooltip, pie slices', async () => {
    const report = page.locator('#messages > .message', { hasText: 'Backup jobs, last 24 hours' });
    const bar = report.locator('.bk-chart[data-chart-type="bar"]');
    await expect(bar.locator('.chart-title').textContent()).resolves.toBe('Jobs by day');
    expect(await bar.locator('svg rect.chart-bar').count()).toBe(8);
    expect(await bar.locator('svg rect.chart-bar[data-series="Failed"]').count()).toBe(4);
    expect(await bar.locator('.chart-legend-item').allTextContents()).toEqual(['Completed', 'Failed']);
    expect(await bar.locator('.chart-axis-label').allTextContents()).toEqual(['Day', 'Jobs']);
    expect(await bar.locator('.chart-category').allTextContents()).toEqual(['Mon', 'Tue', 'Wed', 'Thu']);
    // Grouped bars: a taller value is a taller bar, and the two series of a day sit side by side.
    const heights = await bar
      .locator('rect.chart-bar[data-category="Tue"]')
      .evaluateAll((els) => els.map((el) => Number((el as unknown as Attrs).getAttribute('height'))));
    expect(heights[0]).toBeGreaterThan(heights[1]!);
    await bar.locator('rect.chart-bar[data-series="Completed"][data-category="Wed"]').hover();
    await expect(bar.locator('.chart-tooltip').textContent()).resolves.toBe('WedCompleted: 9');
    expect(await bar.locator('.chart-tooltip').isVisible()).toBe(true);
    const pie = report.locator('.bk-chart[data-chart-type="pie"]');
    expect(await pie.locator('path.chart-slice').count()).toBe(3);
    expect(await pie.locator('.chart-legend-item').allTextContents()).toEqual([
      'Completed · 83%',
      'Failed · 12%',
      'Partial · 5%',
    ]);
    await report.scrollIntoViewIfNeeded();
    await browser.screenshot('views-data');
    await pie.scrollIntoViewIfNeeded();
    await browser.screenshot('views-pie');

    const known = await messageIds(page);
    await page.locator('.composer-input').fill('/backup-jobs trend');
    await page.locator('.composer-input').press('Enter');
    const trend = await newMessage(page, known, 'Backed up per week');
    expect(await trend.locator('.bk-chart[data-chart-type="line"] path.chart-line').count()).toBe(2);
    expect(await trend.locator('.bk-chart[data-chart-type="line"] circle.chart-point').count()).toBe(6);
    expect(await trend.locator('.bk-chart[data-chart-type="area"] path.chart-area').count()).toBe(1);
    await trend.locator('.bk-chart[data-chart-type="line"]').scrollIntoViewIfNeeded();
    await browser.screenshot('views-charts');
    expect(problems).toEqual([]);
  });
});
