import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SlackStandIn, TRIGGER_TTL_MS } from '../../../src/emulator/slack/index.js';
import {
  apiError,
  BOT_TOKEN,
  clientFor,
  quietLogger,
  SIGNING_SECRET,
  section,
  startTestStandIn,
} from './helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: the test reads Slack's JSON field by field
type Json = Record<string, any>;

const APP_TOKEN = 'xapp-1-A0BACKUPJOBS-0000-views-app-token';
const logger = { ...quietLogger, getLevel: () => LogLevel.ERROR };
const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** What the test app does with a submitted "days" value; anything else is taken when it is a number. */
const ANSWERS: Record<string, Json> = {
  stray: { response_action: 'errors', errors: { more: 'not an input block' } },
  update: { response_action: 'update', view: confirmModal('updated') },
  push: { response_action: 'push', view: confirmModal('pushed') },
};

function exportModal(channel: string): Json {
  return {
    type: 'modal',
    callback_id: 'export',
    private_metadata: channel,
    notify_on_close: true,
    title: plain('Export jobs'),
    submit: plain('Export'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: 'days',
        label: plain('Days back'),
        element: { type: 'plain_text_input', action_id: 'days_input' },
      },
      {
        type: 'input',
        block_id: 'format',
        label: plain('Format'),
        element: {
          type: 'static_select',
          action_id: 'format_select',
          options: [
            { text: plain('CSV'), value: 'csv' },
            { text: plain('JSON'), value: 'json' },
          ],
        },
      },
      {
        type: 'actions',
        block_id: 'more',
        elements: [{ type: 'button', action_id: 'preview', text: plain('Preview'), value: 'p1' }],
      },
    ],
  };
}

function confirmModal(title: string): Json {
  return {
    type: 'modal',
    callback_id: 'confirm',
    title: plain(title),
    submit: plain('Confirm'),
    blocks: [
      section('Are you sure?'),
      {
        type: 'actions',
        block_id: 'nav',
        elements: [{ type: 'button', action_id: 'noop', text: plain('Nothing') }],
      },
    ],
  };
}

const homeTab = (text: string): Json => ({
  type: 'home',
  callback_id: 'home',
  blocks: [
    section(text),
    {
      type: 'actions',
      block_id: 'home_nav',
      elements: [{ type: 'button', action_id: 'refresh', text: plain('Refresh'), value: 'r' }],
    },
  ],
});

/** What the app saw, for assertions after the stand-in reports the effect. */
interface Seen {
  submissions: Json[];
  viewCalls: number;
  closed: Json[];
  clicks: Json[];
  openErrors: string[];
}

/** The listeners of a small app that uses modals and the Home tab the way Slack's docs describe. */
function listen(app: App): Seen {
  const seen: Seen = { submissions: [], viewCalls: 0, closed: [], clicks: [], openErrors: [] };
  app.command('/backup-jobs', async ({ ack, body, client }) => {
    await ack();
    if (body.text !== 'export') return;
    await client.views
      .open({ trigger_id: body.trigger_id, view: exportModal(body.channel_id) as never })
      .catch((err: { data?: { error: string } }) => seen.openErrors.push(err.data?.error ?? String(err)));
  });
  app.view('export', async ({ ack, view }) => {
    seen.viewCalls += 1;
    const days = view.state.values.days?.days_input?.value ?? '';
    const answer = ANSWERS[days];
    if (answer) return void (await ack(answer as never));
    if (!/^\d+$/.test(days)) {
      return void (await ack({
        response_action: 'errors',
        errors: { days: 'Enter a whole number of days' },
      }));
    }
    const format = view.state.values.format?.format_select?.selected_option?.value;
    seen.submissions.push({ days, format, channel: view.private_metadata });
    await ack();
  });
  app.view('confirm', async ({ ack }) => {
    await ack({ response_action: 'clear' });
  });
  app.view({ callback_id: 'export', type: 'view_closed' }, async ({ ack, body }) => {
    await ack();
    seen.closed.push(body);
  });
  app.action('preview', async ({ ack, body, client }) => {
    await ack();
    seen.clicks.push(body);
    const view = (body as Json).view;
    await client.views.update({ view_id: view.id, hash: view.hash, view: confirmModal('Preview') as never });
  });
  app.action('refresh', async ({ ack, body }) => {
    await ack();
    seen.clicks.push(body);
  });
  app.action('noop', async ({ ack }) => {
    await ack();
  });
  app.event('app_home_opened', async ({ event, client }) => {
    await client.views.publish({ user_id: event.user, view: homeTab(`Hello <@${event.user}>`) as never });
  });
  return seen;
}

/** The modal the test app opens from `/backup-jobs export`, once the stand-in shows it. */
async function openExport(standIn: SlackStandIn, user: string, channel = 'C0OPS') {
  const command = await standIn.sendCommand({ channel, user, text: 'export' });
  expect(command.error).toBeUndefined();
  const view = await standIn.waitForView((v) => v.callbackId === 'export' && v.user === user && v.open);
  return { command, view };
}

/** The HTTP stand-in's clock: pinned (Bolt takes signatures up to 5 minutes old), moved by the tests. */
const startedMs = Date.now();
let skewMs = 0;

describe('modals and the Home tab with a Bolt app over HTTP', () => {
  let standIn: SlackStandIn;
  let app: App;
  let seen: Seen;

  beforeAll(async () => {
    standIn = await startTestStandIn({ now: () => new Date(startedMs + skewMs) });
    app = new App({
      signingSecret: SIGNING_SECRET,
      token: BOT_TOKEN,
      clientOptions: { slackApiUrl: standIn.apiUrl },
      logger,
    });
    seen = listen(app);
    const server = (await app.start(0)) as Server;
    standIn.setBotUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
  });
  afterEach(async () => {
    skewMs = 0;
    for (const user of ['U0ALICE', 'U0BOB']) {
      while (standIn.openViews(user).length > 0) await standIn.closeView({ user, all: true });
    }
  });
  afterAll(async () => {
    await app.stop();
    await standIn.close();
  });

  /** A fresh trigger_id from a command the app only acknowledges. */
  async function trigger(user = 'U0ALICE') {
    return (await standIn.sendCommand({ channel: 'C0OPS', user, text: 'noop' })).triggerId;
  }

  it('a command opens a modal with views.open from its trigger_id; the trigger then does not work again', async () => {
    const { command, view } = await openExport(standIn, 'U0ALICE');
    expect(view).toMatchObject({
      type: 'modal',
      user: 'U0ALICE',
      privateMetadata: 'C0OPS',
      title: plain('Export jobs'),
      notifyOnClose: true,
      rootViewId: view.id,
    });
    expect(view.id).toMatch(/^V[A-Z0-9]{10}$/);
    expect(standIn.openViews('U0ALICE').map((v) => v.id)).toEqual([view.id]);
    expect(standIn.openViews('U0BOB')).toEqual([]);
    const reuse = clientFor(standIn).views.open({
      trigger_id: command.triggerId,
      view: exportModal('C0OPS') as never,
    });
    expect((await apiError(reuse)).error).toBe('exchanged_trigger_id');
    const forged = clientFor(standIn).views.open({
      trigger_id: '1.2.abc',
      view: exportModal('C0OPS') as never,
    });
    expect((await apiError(forged)).error).toBe('invalid_trigger_id');
    expect(seen.openErrors).toEqual([]);
  });

  it('refuses a trigger_id older than 3 s with expired_trigger_id, and takes one just inside', async () => {
    const late = await trigger();
    const inTime = await trigger();
    skewMs = TRIGGER_TTL_MS + 1;
    const client = clientFor(standIn);
    expect(
      (await apiError(client.views.open({ trigger_id: late, view: exportModal('C0OPS') as never }))).error,
    ).toBe('expired_trigger_id');
    skewMs = TRIGGER_TTL_MS;
    const opened = await client.views.open({ trigger_id: inTime, view: exportModal('C0OPS') as never });
    expect(opened.ok).toBe(true);
    expect(standIn.openViews('U0ALICE')).toHaveLength(1);
  });

  it('answers views.open as Slack documents: the view with id, hash, state and app ids', async () => {
    const opened = (await clientFor(standIn).views.open({
      trigger_id: await trigger(),
      view: exportModal('D0ALICE') as never,
    })) as Json;
    expect(opened.view).toMatchObject({
      id: expect.stringMatching(/^V/),
      team_id: 'T0DEMO',
      type: 'modal',
      callback_id: 'export',
      private_metadata: 'D0ALICE',
      external_id: '',
      state: { values: {} },
      hash: expect.stringMatching(/^\d+\.[0-9a-f]+$/),
      notify_on_close: true,
      clear_on_close: false,
      previous_view_id: null,
      app_id: 'A0BACKUPJOBS',
      bot_id: 'B0BOT',
    });
    expect(opened.view.root_view_id).toBe(opened.view.id);
  });

  it('refuses views Slack refuses: long titles, inputs without submit, message-only blocks, 101 blocks, long metadata', async () => {
    const client = clientFor(standIn);
    const refused = async (view: Json) =>
      (await apiError(client.views.open({ trigger_id: await trigger(), view: view as never }))) as Json;
    const longTitle = await refused({ ...exportModal('C0OPS'), title: plain('x'.repeat(25)) });
    expect(longTitle.error).toBe('invalid_arguments');
    expect(longTitle.response_metadata.messages).toEqual([
      '[ERROR] must be less than 25 characters [json-pointer:/view/title/text]',
    ]);
    const { submit: _, ...noSubmit } = exportModal('C0OPS');
    expect((await refused(noSubmit)).response_metadata.messages).toEqual([
      '[ERROR] must define submit to use an input block in modals [json-pointer:/view]',
    ]);
    const table = { ...confirmModal('t'), blocks: [{ type: 'markdown', text: '**hi**' }] };
    expect((await refused(table)).response_metadata.messages[0]).toContain(
      '[json-pointer:/view/blocks/0/type]',
    );
    const many = { ...confirmModal('t'), blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) };
    expect((await refused(many)).response_metadata.messages).toEqual([
      '[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]',
    ]);
    const metadata = { ...confirmModal('t'), private_metadata: 'm'.repeat(3001) };
    expect((await refused(metadata)).response_metadata.messages).toEqual([
      '[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]',
    ]);
    const badSection = { ...confirmModal('t'), blocks: [section('s'.repeat(3001))] };
    expect((await refused(badSection)).response_metadata.messages).toContain(
      '[ERROR] must be less than 3001 characters [json-pointer:/view/blocks/0/text/text]',
    );
    // 100 blocks are fine in a modal, twice what a message takes
    const hundred = {
      ...confirmModal('t'),
      blocks: Array.from({ length: 100 }, () => ({ type: 'divider' })),
    };
    expect((await client.views.open({ trigger_id: await trigger(), view: hundred as never })).ok).toBe(true);
    expect(standIn.openViews('U0ALICE')).toHaveLength(1);
  });

  it('keeps the modal open with the errors from response_action: errors, then closes it on a valid submission', async () => {
    const { view } = await openExport(standIn, 'U0ALICE', 'D0ALICE');
    const bad = await standIn.submitView({
      user: 'U0ALICE',
      values: { days: { days_input: 'soon' }, format: { format_select: 'csv' } },
    });
    expect(bad).toMatchObject({
      status: 200,
      sent: true,
      action: 'errors',
      closed: false,
      errors: { days: 'Enter a whole number of days' },
    });
    expect(JSON.parse(bad.body)).toEqual({
      response_action: 'errors',
      errors: { days: 'Enter a whole number of days' },
    });
    expect(standIn.openViews('U0ALICE')).toHaveLength(1);
    expect(standIn.view(view.id)).toMatchObject({
      open: true,
      errors: { days: 'Enter a whole number of days' },
    });
    expect(seen.submissions).toEqual([]);

    const closed = standIn.waitForView((v) => v.id === view.id && !v.open);
    const good = await standIn.submitView({
      user: 'U0ALICE',
      viewId: view.id,
      values: { days: { days_input: '7' }, format: { format_select: 'json' } },
    });
    expect(good).toMatchObject({ status: 200, action: 'close', closed: true, body: '' });
    expect(good.errors).toBeUndefined();
    await closed;
    expect(standIn.openViews('U0ALICE')).toEqual([]);
    expect(seen.submissions).toEqual([{ days: '7', format: 'json', channel: 'D0ALICE' }]);
  });

  it("sends nothing while a required input is empty, as Slack's client does", async () => {
    const { view } = await openExport(standIn, 'U0BOB');
    const before = seen.viewCalls;
    const result = await standIn.submitView({ user: 'U0BOB', values: { days: { days_input: '3' } } });
    expect(result).toMatchObject({ sent: false, closed: false, errors: { format: expect.any(String) } });
    expect(result.errors).not.toHaveProperty('days');
    expect(seen.viewCalls).toBe(before);
    expect(standIn.view(view.id)?.open).toBe(true);
  });

  it('refuses errors naming a block that is not an input block; the modal stays as it was', async () => {
    const { view } = await openExport(standIn, 'U0ALICE');
    const result = await standIn.submitView({
      user: 'U0ALICE',
      values: { days: { days_input: 'stray' }, format: { format_select: 'csv' } },
    });
    expect(result).toMatchObject({ status: 200, action: 'none', closed: false });
    expect(result.refused).toContain('more');
    expect(standIn.view(view.id)).toMatchObject({ open: true, errors: {} });
  });

  it('response_action update replaces the view in place; push stacks a view; clear closes them all', async () => {
    const { view } = await openExport(standIn, 'U0ALICE');
    const values = { format: { format_select: 'csv' } };
    const updated = await standIn.submitView({
      user: 'U0ALICE',
      values: { ...values, days: { days_input: 'update' } },
    });
    expect(updated).toMatchObject({ action: 'update', closed: false });
    const after = standIn.view(view.id);
    expect(after).toMatchObject({ callbackId: 'confirm', title: plain('updated'), open: true });
    expect(after?.hash).not.toBe(view.hash);

    const again = await openExport(standIn, 'U0ALICE');
    const pushed = await standIn.submitView({
      user: 'U0ALICE',
      values: { ...values, days: { days_input: 'push' } },
    });
    expect(pushed).toMatchObject({ action: 'push', closed: false });
    const stack = standIn.openViews('U0ALICE');
    expect(stack.map((v) => v.callbackId)).toEqual(['export', 'confirm']);
    expect(stack[1]).toMatchObject({ rootViewId: again.view.id, previousViewId: again.view.id });
    // closing the pushed view shows the one below it again
    expect((await standIn.closeView({ user: 'U0ALICE' })).closed.map((v) => v.callbackId)).toEqual([
      'confirm',
    ]);
    expect(standIn.openViews('U0ALICE').map((v) => v.id)).toEqual([again.view.id]);
    await standIn.submitView({ user: 'U0ALICE', values: { ...values, days: { days_input: 'push' } } });

    const cleared = await standIn.submitView({ user: 'U0ALICE' });
    expect(cleared).toMatchObject({ action: 'clear', closed: true });
    expect(standIn.openViews('U0ALICE')).toEqual([]);
  });

  it('a click inside a modal reaches the app as block_actions with the view; its views.update with the hash works, a stale hash conflicts', async () => {
    const { view } = await openExport(standIn, 'U0BOB');
    const updated = standIn.waitForView((v) => v.id === view.id && v.callbackId === 'confirm');
    const click = await standIn.click({
      user: 'U0BOB',
      viewId: view.id,
      actionId: 'preview',
      values: { days: { days_input: '5' } },
    });
    expect(click).toMatchObject({ status: 200, responseUrl: '' });
    const body = seen.clicks.at(-1)!;
    expect(body).toMatchObject({
      type: 'block_actions',
      user: { id: 'U0BOB' },
      container: { type: 'view', view_id: view.id },
      trigger_id: click.triggerId,
      view: { id: view.id, callback_id: 'export', hash: view.hash, private_metadata: 'C0OPS' },
      actions: [{ action_id: 'preview', block_id: 'more', type: 'button', value: 'p1' }],
    });
    expect(body.view.state.values.days).toEqual({ days_input: { type: 'plain_text_input', value: '5' } });
    expect(body).not.toHaveProperty('response_url');
    expect(body).not.toHaveProperty('channel');

    const now = await updated;
    expect(now.hash).not.toBe(view.hash);
    const stale = clientFor(standIn).views.update({
      view_id: view.id,
      hash: view.hash,
      view: confirmModal('x') as never,
    });
    expect((await apiError(stale)).error).toBe('hash_conflict');
    const fresh = (await clientFor(standIn).views.update({
      view_id: view.id,
      hash: now.hash,
      view: confirmModal('Fresh') as never,
    })) as Json;
    expect(fresh.view).toMatchObject({ id: view.id, title: plain('Fresh') });
    const gone = clientFor(standIn).views.update({
      view_id: 'VNOTAVIEW00',
      view: confirmModal('x') as never,
    });
    expect((await apiError(gone)).error).toBe('not_found');
  });

  it('views.push stacks at most 3 views; the fourth is push_limit_reached', async () => {
    const client = clientFor(standIn);
    await client.views.open({ trigger_id: await trigger(), view: confirmModal('one') as never });
    const clickTop = async () => {
      const top = standIn.openViews('U0ALICE').at(-1)!;
      return (await standIn.click({ user: 'U0ALICE', viewId: top.id, actionId: 'noop' })).triggerId;
    };
    for (const title of ['two', 'three']) {
      expect(
        (await client.views.push({ trigger_id: await clickTop(), view: confirmModal(title) as never })).ok,
      ).toBe(true);
    }
    const fourth = client.views.push({ trigger_id: await clickTop(), view: confirmModal('four') as never });
    expect((await apiError(fourth)).error).toBe('push_limit_reached');
    expect(standIn.openViews('U0ALICE').map((v) => v.title?.text)).toEqual(['one', 'two', 'three']);
    // the views below the top are not on screen
    const bottom = standIn.openViews('U0ALICE')[0]!;
    await expect(standIn.click({ user: 'U0ALICE', viewId: bottom.id, actionId: 'noop' })).rejects.toThrow(
      /under/,
    );
  });

  it('external_id: unique among open views, and views.update finds a view by it', async () => {
    const client = clientFor(standIn);
    const withId = { ...confirmModal('ext'), external_id: 'export-alice' };
    const opened = (await client.views.open({ trigger_id: await trigger(), view: withId as never })) as Json;
    const taken = client.views.open({ trigger_id: await trigger('U0BOB'), view: withId as never });
    expect((await apiError(taken)).error).toBe('duplicate_external_id');
    const byExternal = (await client.views.update({
      external_id: 'export-alice',
      view: confirmModal('by external id') as never,
    })) as Json;
    expect(byExternal.view).toMatchObject({ id: opened.view.id, external_id: 'export-alice' });
  });

  it('closeView sends view_closed only for views opened with notify_on_close', async () => {
    const { view } = await openExport(standIn, 'U0ALICE');
    const result = await standIn.closeView({ user: 'U0ALICE' });
    expect(result.closed.map((v) => v.id)).toEqual([view.id]);
    expect(result.delivery).toMatchObject({ status: 200 });
    expect(seen.closed.at(-1)).toMatchObject({
      type: 'view_closed',
      is_cleared: false,
      view: { id: view.id, callback_id: 'export' },
    });
    const count = seen.closed.length;
    await clientFor(standIn).views.open({
      trigger_id: await trigger(),
      view: confirmModal('quiet') as never,
    });
    const quiet = await standIn.closeView({ user: 'U0ALICE' });
    expect(quiet.delivery).toBeUndefined();
    expect(seen.closed).toHaveLength(count);
  });

  it('views.publish from app_home_opened publishes the Home tab; it reads back, takes clicks, and checks the hash', async () => {
    const event = await standIn.sendEvent({ type: 'app_home_opened', user: 'U0BOB' });
    expect(event.acked).toBe(true);
    const home = await standIn.waitForView((v) => v.type === 'home' && v.user === 'U0BOB');
    expect(standIn.homeView('U0BOB')).toMatchObject({ id: home.id, callbackId: 'home', open: true });
    expect(standIn.homeView('U0BOB')?.blocks[0]).toMatchObject({ text: { text: 'Hello <@U0BOB>' } });
    expect(standIn.homeView('U0ALICE')).toBeUndefined();

    const click = await standIn.click({ user: 'U0BOB', viewId: home.id, actionId: 'refresh' });
    expect(click.status).toBe(200);
    expect(seen.clicks.at(-1)).toMatchObject({
      container: { type: 'view', view_id: home.id },
      view: { id: home.id, type: 'home' },
    });

    const client = clientFor(standIn);
    const republished = (await client.views.publish({
      user_id: 'U0BOB',
      hash: home.hash,
      view: homeTab('Second') as never,
    })) as Json;
    expect(republished.view).toMatchObject({ id: home.id, type: 'home' });
    const stale = client.views.publish({
      user_id: 'U0BOB',
      hash: home.hash,
      view: homeTab('Third') as never,
    });
    expect((await apiError(stale)).error).toBe('hash_conflict');
    expect(standIn.homeView('U0BOB')?.blocks[0]).toMatchObject({ text: { text: 'Second' } });
    const modal = client.views.publish({ user_id: 'U0BOB', view: confirmModal('no') as never });
    expect((await apiError(modal)).error).toBe('invalid_arguments');
  });
});

describe('the submit path over Socket Mode', () => {
  let standIn: SlackStandIn;
  let app: App;
  let seen: Seen;

  beforeAll(async () => {
    // no botUrl: a delivery that went over HTTP would throw
    standIn = await startTestStandIn({ appToken: APP_TOKEN });
    const receiver = new SocketModeReceiver({
      appToken: APP_TOKEN,
      logger,
      installerOptions: { clientOptions: { slackApiUrl: standIn.apiUrl } },
    });
    app = new App({
      receiver,
      authorize: async () => ({ botToken: BOT_TOKEN }),
      clientOptions: { slackApiUrl: standIn.apiUrl },
      logger,
    });
    seen = listen(app);
    await app.start();
  });
  afterAll(async () => {
    await app.stop();
    await standIn.close();
  });

  it('opens from a command envelope; errors come back in the ack payload; a valid submission closes the modal', async () => {
    expect(standIn.socketConnections()).toBe(1);
    const { command, view } = await openExport(standIn, 'U0ALICE');
    expect(command.envelopeId).toEqual(expect.any(String));

    const bad = await standIn.submitView({
      user: 'U0ALICE',
      values: { days: { days_input: 'a week' }, format: { format_select: 'csv' } },
    });
    expect(bad).toMatchObject({
      status: 200,
      envelopeId: expect.any(String),
      action: 'errors',
      closed: false,
      errors: { days: 'Enter a whole number of days' },
    });
    expect(standIn.view(view.id)?.errors).toEqual({ days: 'Enter a whole number of days' });

    const good = await standIn.submitView({
      user: 'U0ALICE',
      values: { days: { days_input: '30' }, format: { format_select: 'csv' } },
    });
    expect(good).toMatchObject({ status: 200, body: '', action: 'close', closed: true });
    expect(standIn.openViews('U0ALICE')).toEqual([]);
    expect(seen.submissions).toEqual([{ days: '30', format: 'csv', channel: 'C0OPS' }]);
  });

  it('push and clear over the socket, and view_closed as an interactive envelope', async () => {
    await openExport(standIn, 'U0BOB');
    const pushed = await standIn.submitView({
      user: 'U0BOB',
      values: { days: { days_input: 'push' }, format: { format_select: 'json' } },
    });
    expect(pushed).toMatchObject({ action: 'push', envelopeId: expect.any(String) });
    expect(standIn.openViews('U0BOB').map((v) => v.callbackId)).toEqual(['export', 'confirm']);
    const cleared = await standIn.submitView({ user: 'U0BOB' });
    expect(cleared).toMatchObject({ action: 'clear', closed: true });

    const { view } = await openExport(standIn, 'U0BOB');
    const closed = await standIn.closeView({ user: 'U0BOB', all: true });
    expect(closed.delivery).toMatchObject({ status: 200, envelopeId: expect.any(String) });
    expect(seen.closed.at(-1)).toMatchObject({
      type: 'view_closed',
      is_cleared: true,
      view: { id: view.id },
    });
  });
});
